using System.Security.Cryptography;
using System.Text;
using DistillGuard.Core.Detection;
using DistillGuard.Core.Training;

namespace DistillGuard.Analysis;

/// <summary>The detection options root a run uses and the version label of its weights, recorded with it.</summary>
public sealed record ScoringChoice(DetectionOptions Options, string Version)
{
    public static ScoringChoice Default { get; } = new(DetectionOptions.Default, "default-v1");

    /// <summary>The choice a run makes from its <c>--model</c> and <c>--options</c> files: a model's weights over the options root given, or over the one the model was trained under.</summary>
    public static ScoringChoice From(string? modelPath, string? optionsPath)
    {
        var root = optionsPath is null ? null : DetectionOptionsFile.Load(optionsPath);
        return modelPath is not null ? ScoringModelFile.Load(modelPath, root) : Over(root);
    }

    /// <summary>The built-in weights over <paramref name="root"/> (an options file without a model), or the defaults when it is null.</summary>
    public static ScoringChoice Over(DetectionOptions? root) => root is null ? Default : Default with { Options = root };
}

/// <summary>Reads a detection options file (<c>analyze --options</c>, <c>train --options</c>, the service's <c>detection_options</c>); a refused file is an <see cref="InvalidDataException"/> naming it.</summary>
public static class DetectionOptionsFile
{
    public static DetectionOptions Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new ArgumentException($"options file '{path}' does not exist");
        }

        var parsed = DetectionOptionsJson.Parse(File.ReadAllText(path));
        return parsed.Options ?? throw new InvalidDataException($"options file '{path}' refused: {parsed.Error}");
    }
}

/// <summary>Reads and writes model files; a refused file is an <see cref="InvalidDataException"/> naming it.</summary>
public static class ScoringModelFile
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The file's account-level model applied to <paramref name="root"/>, or to the options root it was trained under (the defaults for a version-1 file).</summary>
    public static ScoringChoice Load(string path, DetectionOptions? root = null)
    {
        if (!File.Exists(path))
        {
            throw new ArgumentException($"model file '{path}' does not exist");
        }

        var bytes = File.ReadAllBytes(path);
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes.AsSpan(bytes.AsSpan().StartsWith(Preamble) ? Preamble.Length : 0));
        }
        catch (DecoderFallbackException)
        {
            throw new InvalidDataException($"model file '{path}' refused: not UTF-8 text");
        }

        var parsed = ScoringModelJson.Parse(text);
        if (parsed.Model is null)
        {
            throw new InvalidDataException($"model file '{path}' refused: {parsed.Error}");
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes))[..12];
        var options = root is null ? parsed.Model.Detection : root with { Scoring = parsed.Model.ApplyTo(root.Scoring) };
        return new ScoringChoice(options, $"trained-v{parsed.FileVersion} sha256:{hash}");
    }

    /// <summary>Writes beside the target and moves into place, so a failed run never leaves half a model.</summary>
    public static void Save(string path, ScoringModel model)
    {
        var text = ScoringModelJson.Write(model);
        if (ScoringModelJson.Parse(text).Error is { } error)
        {
            throw new InvalidOperationException("the model just written cannot be read back: " + error);
        }

        WriteAtomically(path, text);
    }

    private static void WriteAtomically(string path, string text)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var partial = full + ".partial";
        File.WriteAllText(partial, text, StrictUtf8);
        File.Move(partial, full, overwrite: true);
    }

    private static ReadOnlySpan<byte> Preamble => [0xEF, 0xBB, 0xBF];
}
