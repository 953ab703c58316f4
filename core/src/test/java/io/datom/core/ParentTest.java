package io.datom.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.datom.core.exceptions.InvalidLineageException;
import io.datom.core.exceptions.MalformedJsonException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParentTest {

  private static final String SHA = "ab".repeat(32);

  @Test
  void readsAnArrayOrASingleObjectAndKeepsMissingFieldsForValidation() {
    List<Parent> parents = Parent.listFromJson("[{\"source\":\"P\",\"table\":\"dm\",\"version\":\"" + SHA
        + "\",\"data_sha\":\"" + SHA + "\"},{\"source\":\"P\",\"table\":7}]", "option parents");
    assertEquals(Parent.of("P", "dm", SHA, SHA), parents.get(0));
    assertNull(parents.get(1).table(), "a field that is not a string is missing");
    InvalidLineageException missing = assertThrows(InvalidLineageException.class, () -> Parent.requireValid(parents));
    assertEquals(2, missing.entry());
    assertEquals(List.of(Parent.of("P", "dm", SHA, SHA)),
        Parent.listFromJson("{\"source\":\"P\",\"table\":\"dm\",\"version\":\"" + SHA + "\",\"data_sha\":\"" + SHA
            + "\"}", "option parents"));
  }

  @Test
  void refusesWhatIsNotAListOfObjectsNamingTheEntry() {
    assertThrows(MalformedJsonException.class, () -> Parent.listFromJson("[{", "option parents"));
    assertEquals(0, assertThrows(InvalidLineageException.class, () -> Parent.listFromJson("\"dm\"", "x")).entry());
    assertEquals(2, assertThrows(InvalidLineageException.class,
        () -> Parent.listFromJson("[{\"table\":\"dm\"}, 3]", "x")).entry());
  }
}
