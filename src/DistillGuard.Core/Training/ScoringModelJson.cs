using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using DistillGuard.Core.Detection;
using DistillGuard.Core.Scoring;

namespace DistillGuard.Core.Training;

/// <summary>A parsed model file, or the one reason it was refused.</summary>
public sealed record ScoringModelParse(ScoringModel? Model, string? Error)
{
    /// <summary>The format version the file was written in (0 when refused before it was read).</summary>
    public int FileVersion { get; init; }

    public static ScoringModelParse Fail(string error) => new(null, error);
}

/// <summary>
/// The model file (format <c>distillguard-scoring-model</c>, version 2): text in, text out, no I/O.
/// Version 2 adds <c>detection_options</c>, the options root the model was trained under; version 1 files (without it)
/// are still read, with the default root. Reading is strict so a file is never silently misread: another format or
/// version, a missing, unknown or repeated property or weight, a value of the wrong type, a non-finite number, a weight
/// of the wrong sign or options out of range refuses the whole file.
/// </summary>
public static class ScoringModelJson
{
    public const string Format = "distillguard-scoring-model";
    public const int Version = 2;

    /// <summary>The oldest version this build still reads.</summary>
    public const int OldestVersion = 1;

    private static readonly string[] TopLevel = ["format", "version", "written_by", "trained_at", "training", "bias", "weights"];

    private static readonly string[] TopLevel2 = [.. TopLevel, "detection_options"];

    private static readonly JsonSerializerOptions Strict = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
        AllowDuplicateProperties = false,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
    };

    public static string Write(ScoringModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.Problem() is { } problem)
        {
            throw new ArgumentException("refusing to write an invalid model: " + problem, nameof(model));
        }

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("format", Format);
            json.WriteNumber("version", Version);
            json.WriteString("written_by", model.Provenance.WrittenBy);
            json.WriteString("trained_at", model.Provenance.TrainedAt);
            json.WritePropertyName("training");
            JsonSerializer.Serialize(json, new TrainingSection(model.Provenance.Input, model.Provenance.Fit), Strict);
            json.WriteNumber("bias", model.Bias);
            json.WriteStartObject("weights");
            for (var i = 0; i < model.Weights.Count; i++)
            {
                json.WriteNumber(SignalWeights.AccountSignals[i], model.Weights[i]);
            }

            json.WriteEndObject();
            json.WritePropertyName("detection_options");
            DetectionOptionsJson.ToElement(model.Options ?? DetectionOptions.Default).WriteTo(json);
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    public static ScoringModelParse Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            return ScoringModelParse.Fail("not a valid JSON document (a repeated property counts as invalid): " + e.Message);
        }

        using (document)
        {
            var root = document.RootElement;
            return root.ValueKind != JsonValueKind.Object
                ? ScoringModelParse.Fail("not a JSON object")
                : CheckIdentity(root) is { } identity ? ScoringModelParse.Fail(identity)
                : Read(root, root.GetProperty("version").GetInt32()) with { FileVersion = root.GetProperty("version").GetInt32() };
        }
    }

    /// <summary>Format and version first, so a newer file is refused as such rather than as malformed.</summary>
    private static string? CheckIdentity(JsonElement root)
    {
        if (!root.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.String)
        {
            return $"not a DistillGuard scoring model: no \"format\": \"{Format}\"";
        }

        if (format.GetString() != Format)
        {
            return $"not a DistillGuard scoring model: format is '{format.GetString()}', expected '{Format}'";
        }

        if (!root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var number))
        {
            return "the model file has no integer \"version\"";
        }

        return number is >= OldestVersion and <= Version ? null : $"model file version {number} is not supported: this build reads versions {OldestVersion} to {Version}";
    }

    private static ScoringModelParse Read(JsonElement root, int version)
    {
        var topLevel = version == 1 ? TopLevel : TopLevel2;
        var names = root.EnumerateObject().Select(p => p.Name).ToArray();
        if (names.FirstOrDefault(n => !topLevel.Contains(n, StringComparer.Ordinal)) is { } unknown)
        {
            return ScoringModelParse.Fail($"unknown property '{unknown}'");
        }

        if (topLevel.FirstOrDefault(n => !names.Contains(n, StringComparer.Ordinal)) is { } missing)
        {
            return ScoringModelParse.Fail($"missing property '{missing}'");
        }

        if (root.GetProperty("written_by").ValueKind != JsonValueKind.String)
        {
            return ScoringModelParse.Fail("\"written_by\" must be a string");
        }

        if (root.GetProperty("trained_at").ValueKind != JsonValueKind.String || !root.GetProperty("trained_at").TryGetDateTimeOffset(out var trainedAt))
        {
            return ScoringModelParse.Fail("\"trained_at\" must be an ISO 8601 date-time");
        }

        if (!TryNumber(root.GetProperty("bias"), out var bias))
        {
            return ScoringModelParse.Fail("\"bias\" must be a finite number");
        }

        TrainingSection training;
        try
        {
            training = root.GetProperty("training").Deserialize<TrainingSection>(Strict)
                ?? throw new JsonException("\"training\" is null");
        }
        catch (JsonException e)
        {
            return ScoringModelParse.Fail("malformed \"training\" section: " + e.Message);
        }

        var (weights, weightError) = ReadWeights(root.GetProperty("weights"));
        if (weightError is not null)
        {
            return ScoringModelParse.Fail(weightError);
        }

        DetectionOptions? options = null;
        if (version >= 2)
        {
            var parsed = DetectionOptionsJson.Parse(root.GetProperty("detection_options"));
            if (parsed.Options is null)
            {
                return ScoringModelParse.Fail("\"detection_options\": " + parsed.Error);
            }

            options = parsed.Options;
        }

        var model = new ScoringModel(bias, weights!, new ModelProvenance(root.GetProperty("written_by").GetString()!, trainedAt, training.Input, training.Fit)) { Options = options };
        return model.Problem() is { } problem ? ScoringModelParse.Fail(problem) : new ScoringModelParse(model, null);
    }

    private static (double[]? Weights, string? Error) ReadWeights(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return (null, "\"weights\" must be an object of signal name → weight");
        }

        var weights = new double[SignalWeights.AccountSignals.Count];
        var seen = new bool[weights.Length];
        foreach (var property in element.EnumerateObject())
        {
            var index = SignalWeights.IndexOf(property.Name);
            if (index < 0)
            {
                return (null, $"unknown weight '{property.Name}' (the per-account signals are {string.Join(", ", SignalWeights.AccountSignals)})");
            }

            if (seen[index])
            {
                return (null, $"weight '{property.Name}' is given twice");
            }

            if (!TryNumber(property.Value, out weights[index]))
            {
                return (null, $"weight '{property.Name}' must be a finite number");
            }

            seen[index] = true;
        }

        var missing = SignalWeights.AccountSignals.Where((_, i) => !seen[i]).ToArray();
        return missing.Length > 0 ? (null, $"missing weight(s): {string.Join(", ", missing)}") : (weights, null);
    }

    private static bool TryNumber(JsonElement element, out double value)
    {
        value = 0;
        return element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out value) && double.IsFinite(value);
    }

    /// <summary>The <c>training</c> object of the file.</summary>
    private sealed record TrainingSection(TrainingInputSummary Input, TrainingSummary Fit);
}
