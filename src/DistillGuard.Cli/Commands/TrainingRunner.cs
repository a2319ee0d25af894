using System.Reflection;
using DistillGuard.Analysis;
using DistillGuard.Core.Detection;
using DistillGuard.Core.Training;
using DistillGuard.Evaluation;
using DistillGuard.Ingest;

namespace DistillGuard.Cli.Commands;

/// <summary>A written model and where its files are.</summary>
internal sealed record TrainingOutcome(ScoringModel Model, string ModelPath, string RejectsPath);

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

            var joined = TrainingSets.Join(read.Features, labels);
            if (joined.Set is null)
            {
                throw new InvalidDataException($"cannot train on '{inputPath}' with '{labelsPath}': {joined.Error}");
            }

            var trained = HarvestModelTrainer.Train(joined.Set, options, root.Scoring);
            var counts = read.Counts;
            var provenance = new ModelProvenance(
                "distillguard " + ProductVersion, time.GetUtcNow(),
                new TrainingInputSummary(counts.Read, counts.Accepted, counts.Rejected, counts.Duplicates, read.Features.Count, joined.Set.UnlabelledAccounts),
                trained.Summary);
            // The stored root carries the fitted weights too, so the file never shows two sets of weights.
            var model = ScoringModel.From(trained.Parameters, provenance) with { Options = root with { Scoring = trained.Parameters } };
            ScoringModelFile.Save(modelPath, model);
            File.Move(partialRejects, rejectsPath, overwrite: true);
            return new TrainingOutcome(model, Path.GetFullPath(modelPath), rejectsPath);
        }
        finally
        {
            File.Delete(partialRejects);
        }
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
