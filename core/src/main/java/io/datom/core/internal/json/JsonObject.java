package io.datom.core.internal.json;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A JSON object, i.e. an R named list. Members keep their insertion order, which is part of the serialised bytes and,
 * for nested objects, of the {@code metadata_sha}. Parsed objects may hold duplicate keys (R keeps them); lookups and
 * updates act on the first member with the key, as R's {@code x[[key]]} does.
 */
public final class JsonObject implements JsonValue {

  /** One member of an object. */
  public record Member(String key, JsonValue value) {
    public Member {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
    }
  }

  private static final JsonObject EMPTY = new JsonObject(List.of());

  private final List<Member> members;

  private JsonObject(List<Member> members) {
    this.members = members;
  }

  /** The empty object, written {@code {}}. */
  public static JsonObject empty() {
    return EMPTY;
  }

  /** An object with exactly these members, duplicates included, in this order. */
  public static JsonObject of(List<Member> members) {
    return members.isEmpty() ? EMPTY : new JsonObject(List.copyOf(members));
  }

  /** A builder for a new object; it refuses duplicate keys. */
  public static Builder builder() {
    return new Builder();
  }

  /** The members in order. */
  public List<Member> members() {
    return members;
  }

  /** The keys in order (duplicates included). */
  public List<String> keys() {
    return members.stream().map(Member::key).toList();
  }

  /** Number of members. */
  public int size() {
    return members.size();
  }

  /** Whether the object has no members. */
  public boolean isEmpty() {
    return members.isEmpty();
  }

  /** Whether a member has this key. */
  public boolean has(String key) {
    return indexOf(key) >= 0;
  }

  /** The value of the first member with this key. */
  public Optional<JsonValue> get(String key) {
    int i = indexOf(key);
    return i < 0 ? Optional.empty() : Optional.of(members.get(i).value());
  }

  /**
   * This object with {@code key} set to {@code value}, like R's {@code x[[key]] <- value}: the first member with the
   * key keeps its position, otherwise the member is appended.
   */
  public JsonObject with(String key, JsonValue value) {
    Member member = new Member(key, value);
    List<Member> copy = new ArrayList<>(members);
    int i = indexOf(key);
    if (i < 0) {
      copy.add(member);
    } else {
      copy.set(i, member);
    }
    return new JsonObject(List.copyOf(copy));
  }

  /** This object without the first member with {@code key}, like R's {@code x[[key]] <- NULL}. */
  public JsonObject without(String key) {
    int i = indexOf(key);
    if (i < 0) {
      return this;
    }
    List<Member> copy = new ArrayList<>(members);
    copy.remove(i);
    return of(copy);
  }

  private int indexOf(String key) {
    for (int i = 0; i < members.size(); i++) {
      if (members.get(i).key().equals(key)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JsonObject other && members.equals(other.members);
  }

  @Override
  public int hashCode() {
    return members.hashCode();
  }

  @Override
  public String toString() {
    return JsonWriter.compact(this);
  }

  /** Collects members in order for a new object. */
  public static final class Builder {
    private final List<Member> members = new ArrayList<>();
    private final Set<String> keys = new LinkedHashSet<>();

    private Builder() {}

    /** Appends a member; a key may appear once. */
    public Builder put(String key, JsonValue value) {
      if (!keys.add(key)) {
        throw new IllegalArgumentException("Duplicate key '" + key + "' in a new JSON object");
      }
      members.add(new Member(key, value));
      return this;
    }

    /** Appends a string member. */
    public Builder put(String key, String value) {
      return put(key, new JsonString(value));
    }

    /** Appends an R integer member. */
    public Builder put(String key, int value) {
      return put(key, new JsonInteger(value));
    }

    /** Appends an R double member. */
    public Builder put(String key, double value) {
      return put(key, new JsonDouble(value));
    }

    /** Appends a logical member. */
    public Builder put(String key, boolean value) {
      return put(key, JsonBoolean.of(value));
    }

    /** Appends a member only when {@code value} is non-null, as R drops NULL fields. */
    public Builder putIfPresent(String key, String value) {
      return value == null ? this : put(key, value);
    }

    /** The object built so far. */
    public JsonObject build() {
      return of(members);
    }
  }
}
