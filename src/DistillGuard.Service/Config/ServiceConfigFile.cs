using System.Globalization;
using System.Text.Json;
using DistillGuard.Analysis;
using DistillGuard.Service.Decisions;

namespace DistillGuard.Service.Config;

/// <summary>
/// Reads <c>service.json</c>. Every fault is an <see cref="InvalidDataException"/> that names the file and the field
/// (<c>tokens[1].role</c>, <c>relink_seconds</c>, ...), so a bad config is refused at start with the place to fix.
/// </summary>
public static class ServiceConfigFile
{
    public static ServiceConfig Load(string path)
    {
        var text = StrictJson.ReadText(path, "service config");
        return Parse(text, path, Path.GetDirectoryName(Path.GetFullPath(path))!);
    }

    /// <param name="folder">Where relative file paths (<c>policy</c>, <c>detection_options</c>, <c>scoring_model</c>) are resolved.</param>
    public static ServiceConfig Parse(string json, string source, string folder)
    {
        var dto = StrictJson.Deserialize<ConfigDto>(json, (field, problem) => Fault(source, field, problem));

        var tokens = Tokens(dto.Tokens, source);
        var policy = Beside(dto.Policy, "policy", folder, source);
        var relink = dto.RelinkSeconds ?? ServiceConfig.DefaultRelinkSeconds;
        if (relink <= 0)
        {
            throw Fault(source, "relink_seconds", "must be a positive number of seconds");
        }

        return new ServiceConfig(tokens, policy, TimeSpan.FromSeconds(relink))
        {
            Policy = policy is null ? EnforcementPolicy.BuiltIn : PolicyFiles.Load(policy),
            MaxBodyBytes = Positive(dto.MaxBodyBytes, ServiceConfig.DefaultMaxBodyBytes, "max_body_bytes", source),
            IngestQueueBatches = (int)Positive(dto.IngestQueueBatches, ServiceConfig.DefaultIngestQueueBatches, "ingest_queue_batches", source),
            RetryAfterSeconds = (int)Positive(dto.RetryAfterSeconds, ServiceConfig.DefaultRetryAfterSeconds, "retry_after_seconds", source),
            Scoring = Scoring(dto.DetectionOptions, dto.ScoringModel, folder, source),
        };
    }

    /// <summary>
    /// The options root of <c>detection_options</c> (the defaults without it) with the weights of <c>scoring_model</c> over
    /// it, as <c>analyze --options --model</c> takes them; a missing or refused file is a fault of its field.
    /// </summary>
    private static ScoringChoice Scoring(string? optionsFile, string? modelFile, string folder, string source)
    {
        var root = Read(optionsFile, "detection_options", folder, source, DetectionOptionsFile.Load);
        return Read(modelFile, "scoring_model", folder, source, path => ScoringModelFile.Load(path, root)) ?? ScoringChoice.Over(root);
    }

    private static T? Read<T>(string? file, string field, string folder, string source, Func<string, T> load)
        where T : class
    {
        if (Beside(file, field, folder, source) is not { } path)
        {
            return null;
        }

        try
        {
            return load(path);
        }
        catch (Exception ex) when (ex is InvalidDataException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            throw Fault(source, field, $"file '{path}' cannot be used: {ex.Message}");
        }
    }

    private static ServiceToken[] Tokens(IReadOnlyList<TokenDto?>? list, string source)
    {
        if (list is null || list.Count == 0)
        {
            throw Fault(source, "tokens", "at least one token is needed");
        }

        var tokens = new ServiceToken[list.Count];
        var hashes = new HashSet<string>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < list.Count; i++)
        {
            var at = "tokens[" + i.ToString(CultureInfo.InvariantCulture) + "]";
            var t = list[i] ?? throw Fault(source, at, "must be an object");
            if (string.IsNullOrWhiteSpace(t.Name))
            {
                throw Fault(source, at + ".name", "every token needs a name");
            }

            if (!names.Add(t.Name))
            {
                throw Fault(source, at + ".name", $"'{t.Name}' is declared twice (names identify who acted in the audit)");
            }

            if (!Roles.TryParse(t.Role, out var role))
            {
                throw Fault(source, at + ".role", $"unknown role '{t.Role}' (one of {string.Join(", ", Roles.All.Select(r => r.ToContract()))})");
            }

            var hex = t.Sha256?.Trim().ToLowerInvariant();
            if (hex is null || hex.Length != 64 || !hex.All(char.IsAsciiHexDigit))
            {
                throw Fault(source, at + ".sha256", "must be the 64 hex digits of the token's SHA-256");
            }

            if (!hashes.Add(hex))
            {
                throw Fault(source, at + ".sha256", $"duplicate token hash (token '{t.Name}' has the hash of an earlier token)");
            }

            tokens[i] = new ServiceToken(t.Name, role, Convert.FromHexString(hex));
        }

        return tokens;
    }

    /// <summary>A file the config names in <paramref name="field"/>, resolved beside the config; null when it names none, a fault when it is missing.</summary>
    private static string? Beside(string? file, string field, string folder, string source)
    {
        if (file is null)
        {
            return null;
        }

        var path = Path.GetFullPath(file, folder);
        if (!File.Exists(path))
        {
            throw Fault(source, field, $"file '{path}' is missing");
        }

        return path;
    }

    private static long Positive(long? value, long fallback, string field, string source) =>
        value switch
        {
            null => fallback,
            > 0 and <= int.MaxValue => value.Value,
            _ => throw Fault(source, field, "must be a positive integer"),
        };

    private static InvalidDataException Fault(string source, string field, string problem) =>
        new($"service config '{source}': field '{field}' {problem}");

    private sealed record ConfigDto(
        IReadOnlyList<TokenDto?>? Tokens,
        string? Policy,
        double? RelinkSeconds,
        long? MaxBodyBytes,
        long? IngestQueueBatches,
        long? RetryAfterSeconds,
        string? DetectionOptions,
        string? ScoringModel);

    private sealed record TokenDto(string? Name, string? Role, string? Sha256);
}
