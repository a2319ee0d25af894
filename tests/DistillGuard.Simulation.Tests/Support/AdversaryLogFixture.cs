namespace DistillGuard.Simulation.Tests.Support;

/// <summary>
/// One run of <c>tiny-adversaries</c> driven by marker corpora, so each exchange's source can be told from
/// its prompt: ordinary users' prompts start with <see cref="OrganicMarker"/> (their follow-ups with
/// <c>follow </c>), dataset items carry <see cref="ExtractionMarker"/>.
/// </summary>
public sealed class AdversaryLogFixture : IDisposable
{
    public const string OrganicMarker = "organic corpus question";
    public const string ExtractionMarker = " extraction item ";

    private readonly string corpora = Some.TempDir();

    public AdversaryLogFixture()
    {
        string organic = Some.Corpus(corpora, "organic.jsonl", Enumerable.Range(0, 400).Select(i => $"{OrganicMarker} number {i}"));
        string extraction = Some.Corpus(corpora, "extraction.jsonl", Enumerable.Range(0, 4000).Select(i => $"alpha{ExtractionMarker}{i}"));
        Log = SimulatedLog.Run("tiny-adversaries", 11, organic, extraction);
    }

    public SimulatedLog Log { get; }

    /// <summary>True for an ordinary user's prompt (an organic corpus opener or its follow-up).</summary>
    public static bool IsOrganic(string prompt) =>
        prompt.StartsWith(OrganicMarker, StringComparison.Ordinal) || prompt.StartsWith("follow " + OrganicMarker, StringComparison.Ordinal);

    public void Dispose()
    {
        Log.Dispose();
        try
        {
            Directory.Delete(corpora, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
