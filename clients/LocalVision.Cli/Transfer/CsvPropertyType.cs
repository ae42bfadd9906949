using System.Globalization;
using Google.Protobuf.WellKnownTypes;

namespace LocalVision.Cli.Transfer;

/// <summary>The neo4j-admin data types a CSV column may declare (`score:float`), all of which LocalVision can hold.</summary>
public enum CsvScalarType
{
    String,
    Char,
    Boolean,
    Byte,
    Short,
    Int,
    Long,
    Float,
    Double,
    Date,
    DateTime,
}

/// <summary>
/// A column's declared type, possibly an array (`string[]`, elements separated by `;`), and how its text
/// becomes a property value: numbers are JSON numbers, booleans booleans, dates and date-times ISO 8601 strings
/// (as the schema stores them), arrays lists.
/// </summary>
public sealed record CsvPropertyType(CsvScalarType Scalar, bool IsArray)
{
    public const char ArrayDelimiter = ';';

    // Properties travel as JSON numbers (doubles): a larger whole number would silently change.
    private const long LargestExactInteger = 1L << 53;

    private static readonly string[] DateTimeFormats =
        ["yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];

    private static readonly Dictionary<string, CsvScalarType> ByName =
        System.Enum.GetValues<CsvScalarType>().ToDictionary(t => t.ToString(), StringComparer.OrdinalIgnoreCase);

    public static string Supported => string.Join(", ", ByName.Keys.Select(k => k.ToLowerInvariant())) + ", each also as an array (string[])";

    /// <summary>The type a header names (`int`, `date`, `string[]`), or null for one LocalVision does not take.</summary>
    public static CsvPropertyType? Parse(string name)
    {
        var isArray = name.EndsWith("[]", StringComparison.Ordinal);
        return ByName.TryGetValue(isArray ? name[..^2] : name, out var scalar) ? new CsvPropertyType(scalar, isArray) : null;
    }

    public override string ToString() => ScalarName + (IsArray ? "[]" : "");

    private string ScalarName => Scalar.ToString().ToLowerInvariant();

    /// <summary>
    /// The value of a field, null when it holds none (empty, or blank and unquoted), or a description of what is wrong.
    /// Text is trimmed, as neo4j-admin does, except a quoted string or character, which keeps its spaces.
    /// </summary>
    public Value? Convert(CsvField field, out string? problem)
    {
        problem = null;
        var keepSpaces = field.Quoted && Scalar is CsvScalarType.String or CsvScalarType.Char;
        var text = keepSpaces ? field.Text : field.Text.Trim();
        if (text.Length == 0 && !(field.Quoted && Scalar == CsvScalarType.String))
        {
            return null;
        }
        if (!IsArray)
        {
            return ConvertScalar(text, out problem);
        }
        var list = new ListValue();
        foreach (var element in text.Split(ArrayDelimiter))
        {
            var value = ConvertScalar(keepSpaces ? element : element.Trim(), out problem);
            if (value is null)
            {
                problem = $"element {list.Values.Count + 1} of the array: {problem}";
                return null;
            }
            list.Values.Add(value);
        }
        return new Value { ListValue = list };
    }

    private Value? ConvertScalar(string text, out string? problem)
    {
        problem = null;
        if (text.Length == 0 && Scalar != CsvScalarType.String)
        {
            problem = "is empty";
            return null;
        }
        switch (Scalar)
        {
            case CsvScalarType.String:
                return Value.ForString(text);
            case CsvScalarType.Char:
                if (new StringInfo(text).LengthInTextElements == 1)
                {
                    return Value.ForString(text);
                }
                break;
            case CsvScalarType.Boolean:
                if (bool.TryParse(text, out var flag))
                {
                    return Value.ForBool(flag);
                }
                break;
            case CsvScalarType.Byte or CsvScalarType.Short or CsvScalarType.Int or CsvScalarType.Long:
                if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
                {
                    var (min, max) = Range(Scalar);
                    if (whole >= min && whole <= max)
                    {
                        return Value.ForNumber(whole);
                    }
                    problem = Scalar == CsvScalarType.Long
                        ? $"`{text}` is beyond ±2^53, the largest whole number a property holds exactly"
                        : $"`{text}` is outside the range of {ScalarName} ({min} to {max})";
                    return null;
                }
                break;
            case CsvScalarType.Float or CsvScalarType.Double:
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
                    && (Scalar == CsvScalarType.Double || Math.Abs(number) <= float.MaxValue))
                {
                    return Value.ForNumber(number);
                }
                break;
            case CsvScalarType.Date:
                if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                {
                    return Value.ForString(text);
                }
                problem = $"`{text}` is not a date (yyyy-MM-dd)";
                return null;
            case CsvScalarType.DateTime:
                if (DateTimeOffset.TryParseExact(text, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _))
                {
                    return Value.ForString(text);
                }
                problem = $"`{text}` is not a date-time (yyyy-MM-ddTHH:mm:ss with an optional fraction and Z or ±hh:mm)";
                return null;
        }
        problem = $"`{text}` is not {Describe(Scalar)}";
        return null;
    }

    private static (long Min, long Max) Range(CsvScalarType type) => type switch
    {
        CsvScalarType.Byte => (sbyte.MinValue, sbyte.MaxValue),
        CsvScalarType.Short => (short.MinValue, short.MaxValue),
        CsvScalarType.Int => (int.MinValue, int.MaxValue),
        _ => (-LargestExactInteger, LargestExactInteger),
    };

    private static string Describe(CsvScalarType type) => type switch
    {
        CsvScalarType.Char => "a single character",
        CsvScalarType.Boolean => "true or false",
        CsvScalarType.Float or CsvScalarType.Double => "a finite number",
        _ => "a whole number",
    };
}
