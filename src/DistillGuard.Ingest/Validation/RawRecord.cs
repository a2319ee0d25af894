namespace DistillGuard.Ingest.Validation;

/// <summary>How a value arrived: JSON keeps its types, CSV and Parquet values arrive as untyped text.</summary>
internal enum RawKind : byte
{
    Absent = 0,
    /// <summary>A JSON string: valid only for string and date-time fields.</summary>
    String,
    /// <summary>Untyped text (CSV cell, converted Parquet value): parsed by the field's type.</summary>
    Text,
    Integer,
    Float,
    /// <summary>A typed date-time (Parquet timestamp) as UTC ticks in <see cref="RawValue.Integer"/>: valid only for date-time fields.</summary>
    Instant,
    /// <summary>A JSON value of a type no field accepts (bool, object, array).</summary>
    Other,
}

/// <summary>One field's value before validation.</summary>
internal readonly record struct RawValue(RawKind Kind, string? Text, long Integer, double Float)
{
    public static RawValue OfString(string s) => new(RawKind.String, s, 0, 0);
    public static RawValue OfText(string s) => new(RawKind.Text, s, 0, 0);
    public static RawValue OfInteger(long n) => new(RawKind.Integer, null, n, 0);
    public static RawValue OfFloat(double d) => new(RawKind.Float, null, 0, d);
    public static RawValue OfInstant(long utcTicks) => new(RawKind.Instant, null, utcTicks, 0);
    public static RawValue OfOther(string description) => new(RawKind.Other, description, 0, 0);
}

/// <summary>A reusable field accessor shared by every format: readers fill it, the validator reads it.</summary>
internal sealed class RawRecord
{
    private readonly RawValue[] _values = new RawValue[FieldNames.Count];

    public ref readonly RawValue this[Field field] => ref _values[(int)field];

    public void Set(int field, RawValue value) => _values[field] = value;

    public void Set(Field field, RawValue value) => _values[(int)field] = value;

    public void Clear() => Array.Clear(_values);
}
