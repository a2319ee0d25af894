using DistillGuard.Storage;
using DistillGuard.Evaluation;
using DistillGuard.Ingest;

namespace DistillGuard.Cli.Commands;

/// <summary>The one boundary where expected infrastructure failures become a clear message and exit code 1.</summary>
internal static class CliErrors
{
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
