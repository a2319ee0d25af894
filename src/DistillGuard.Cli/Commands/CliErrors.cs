using DistillGuard.Storage;
using DistillGuard.Evaluation;
using DistillGuard.Ingest;

namespace DistillGuard.Cli.Commands;

/// <summary>The one boundary where expected infrastructure failures become a clear message and exit code 1.</summary>
internal static class CliErrors
{
    /// <summary>
    /// Exit code of a run that completed on part of its input: a compressed input file broke part-way (cut short or
    /// corrupt). Every output was written from the records before the break, and summary.json lists the file.
    /// </summary>
    public const int IncompleteInput = 3;

    /// <summary>0, or <see cref="IncompleteInput"/> with an error naming each file that broke, its offset and what was kept.</summary>
    public static async Task<int> IncompleteInputs(DistillGuard.Core.Model.RunInfo run)
    {
        foreach (var incomplete in run.IncompleteInputs)
        {
            await Console.Error.WriteLineAsync("error: " + incomplete.Describe() + " (listed under incomplete_files in summary.json)");
        }

        return run.IncompleteInputs.Count == 0 ? 0 : IncompleteInput;
    }

    public static async Task<int> Guard(Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception ex) when (ex is InputFileException or IOException or UnauthorizedAccessException or ArgumentException
            or EvaluationInputException or StoreException or InvalidDataException or DistillGuard.Sharing.Matching.BundleRejectedException or HttpRequestException)
        {
            await Console.Error.WriteLineAsync("error: " + ex.Message);
            return 1;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("cancelled");
            return 130;
        }
    }
}
