using System.Reflection;
using DistillGuard.Analysis;
using DistillGuard.Core.Detection;
using DistillGuard.Core.Training;
using DistillGuard.Evaluation;
using DistillGuard.Ingest;
using DistillGuard.Service.Labels;

namespace DistillGuard.Cli.Commands;

/// <summary>A written model and where its files are.</summary>
/// <param name="RejectsPath">The rejected input records, beside the model; null when training read a service store (its records were checked when they were accepted).</param>
internal sealed record TrainingOutcome(ScoringModel Model, string ModelPath, string? RejectsPath);

/// <summary>
/// Labels → the analyze pipeline's features → join → fit → model file. Every refusal (missing
/// files, a malformed or one-class labels file, labels of accounts absent from the input, an input
/// without valid exchanges) is raised before anything is written.
/// </summary>
internal static class TrainingRunner
{
    public static async Task<TrainingOutcome> RunAsync(
        string inputPath, string labelsPath, string modelPath, TrainingOptions options, DetectionOptions root, TimeProvider time, CancellationToken ct)
    {
        var labels = ReadLabels(labelsPath);
        var rejectsPath = RejectsPathFor(modelPath);
        // Rejects gather outside the model's folder and move beside the model only once it is written.
        var partialRejects = Path.Combine(Path.GetTempPath(), "distillguard-train-" + Guid.NewGuid().ToString("N") + ".rejects.jsonl");
        try
        {
            AccountFeatureSet read;
            using (var rejects = new JsonlRejectWriter(partialRejects))
            {
                read = await AccountFeatureReader.ReadAsync(inputPath, rejects, ct);
            }

            var model = Fit(read.Features, labels, $"'{inputPath}' with '{labelsPath}'", read.Counts, modelPath, options, root, time);
            File.Move(partialRejects, rejectsPath, overwrite: true);
            return new TrainingOutcome(model, Path.GetFullPath(modelPath), rejectsPath);
        }
        finally
        {
            File.Delete(partialRejects);
        }
    }

    /// <summary>
    /// <c>train --db</c>: the labels analysts stored in a service's store (the latest of each account) and the exchanges the
    /// service journalled (accepted once each, so nothing is rejected or duplicated here).
    /// </summary>
    public static async Task<TrainingOutcome> RunFromStoreAsync(
        string databasePath, string modelPath, TrainingOptions options, DetectionOptions root, TimeProvider time, CancellationToken ct)
    {
        var stored = await ServiceStoreTraining.ReadAsync(databasePath, ct);
        if (TrainingSets.CheckLabels(stored.Labels) is { } problem)
        {
            throw new InvalidDataException($"labels stored in '{databasePath}': {problem}");
        }

        var model = Fit(stored.Features, stored.Labels, $"the store '{databasePath}'",
            new IngestCounts(stored.Exchanges, stored.Exchanges, 0, 0), modelPath, options, root, time);
        return new TrainingOutcome(model, Path.GetFullPath(modelPath), null);
    }

    private static ScoringModel Fit(
        IReadOnlyList<Core.Model.AccountFeatures> features, IReadOnlyList<Core.Model.AccountLabel> labels, string source, IngestCounts counts,
        string modelPath, TrainingOptions options, DetectionOptions root, TimeProvider time)
    {
        var joined = TrainingSets.Join(features, labels);
        if (joined.Set is null)
        {
            throw new InvalidDataException($"cannot train on {source}: {joined.Error}");
        }

        var trained = HarvestModelTrainer.Train(joined.Set, options, root.Scoring);
        var provenance = new ModelProvenance(
            "distillguard " + ProductVersion, time.GetUtcNow(),
            new TrainingInputSummary(counts.Read, counts.Accepted, counts.Rejected, counts.Duplicates, features.Count, joined.Set.UnlabelledAccounts),
            trained.Summary);
        // The stored root carries the fitted weights too, so the file never shows two sets of weights.
        var model = ScoringModel.From(trained.Parameters, provenance) with { Options = root with { Scoring = trained.Parameters } };
        ScoringModelFile.Save(modelPath, model);
        return model;
    }

    private static IReadOnlyList<Core.Model.AccountLabel> ReadLabels(string path)
    {
        if (File.Exists(path) && new FileInfo(path).Length == 0)
        {
            throw new InvalidDataException($"labels file '{path}' is empty");
        }

        var labels = LabelsCsv.Read(path);
        return TrainingSets.CheckLabels(labels) is { } problem
            ? throw new InvalidDataException($"labels file '{path}': {problem}")
            : labels;
    }

    /// <summary><c>model.json</c> → <c>model.rejects.jsonl</c>, beside it.</summary>
    private static string RejectsPathFor(string modelPath)
    {
        var full = Path.GetFullPath(modelPath);
        return Path.Combine(Path.GetDirectoryName(full)!, Path.GetFileNameWithoutExtension(full) + ".rejects.jsonl");
    }

    private static string ProductVersion =>
        typeof(TrainingRunner).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}
