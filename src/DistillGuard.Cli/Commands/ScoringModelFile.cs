using System.Security.Cryptography;
using System.Text;
using DistillGuard.Core.Scoring;
using DistillGuard.Core.Training;

namespace DistillGuard.Cli.Commands;

/// <summary>The scoring parameters a run uses and the version label recorded with it.</summary>
internal sealed record ScoringChoice(ScoringParameters Parameters, string Version)
{
    public static ScoringChoice Default { get; } = new(ScoringParameters.Default, "default-v1");
}

/// <summary>Reads and writes model files; a refused file is an <see cref="InvalidDataException"/> naming it.</summary>
internal static class ScoringModelFile
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The hand-set defaults with the file's account-level model applied; campaign and linking parameters stay the defaults.</summary>
    public static ScoringChoice Load(string path)
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
        return new ScoringChoice(parsed.Model.ApplyTo(ScoringParameters.Default), $"trained-v{ScoringModelJson.Version} sha256:{hash}");
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
