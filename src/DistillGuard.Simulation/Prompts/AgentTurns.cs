using System.Globalization;
using DistillGuard.Simulation.Randomness;
using V = DistillGuard.Simulation.Prompts.Vocabulary;

namespace DistillGuard.Simulation.Prompts;

/// <summary>Software-engineering tasks that open an agent session.</summary>
internal sealed class AgentTaskPrompts : IPromptSource
{
    private static readonly string[] Stacks =
    [
        "a Django REST API", "a Next.js app", "a Go microservice", "a Spring Boot service", "a Rust CLI", "an ASP.NET Core API",
        "a React Native app", "a FastAPI backend", "a Rails monolith", "a Kotlin Android app", "a Node.js worker", "a data pipeline in Airflow",
    ];

    private static readonly string[] Notes =
    [
        "Keep the diff small.", "Don't touch the database schema.", "Follow the existing code style.", "Add a changelog entry.",
        "Make sure the linter passes.", "Explain the root cause before fixing it.", "Prefer the standard library.", "CI must stay green.",
        "", "", "",
    ];

    public PromptItem Next(Random rng) => PromptItem.Single(Task(rng) + F($" The repo is {rng.Pick(Stacks)} with about {rng.Next(5, 400)} files. {rng.Pick(Notes)}").TrimEnd());

    private static string Task(Random rng) => rng.Next(7) switch
    {
        0 => F($"Fix the failing test in {rng.Pick(V.Files)}. The CI log says: {rng.Pick(V.Errors)}"),
        1 => F($"Add {rng.Pick(V.Features)} to {rng.Pick(V.Files)} and update the tests."),
        2 => F($"Refactor {rng.Pick(V.Files)} so that it {rng.Pick(V.CodeTasks)}, keeping the public API unchanged."),
        3 => F($"The build fails with `{rng.Pick(V.Errors)}`. Find the cause and fix it."),
        4 => F($"Write tests for {rng.Pick(V.Files)}; coverage is {rng.Next(10, 60)}% and should reach {rng.Next(75, 95)}%."),
        5 => F($"Investigate why requests to /api/v{rng.Next(1, 4)}/{rng.Pick(["orders", "users", "search", "reports", "invoices"])} take {rng.Next(2, 30)} seconds and propose a fix."),
        _ => F($"Implement a {rng.Pick(V.Languages)} module that {rng.Pick(V.CodeTasks)} and wire it into {rng.Pick(V.Files)}."),
    };

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The "user" messages inside an agent loop: tool results and the odd human interjection.</summary>
internal static class AgentTurns
{
    private static readonly string[] Interjections =
    [
        "looks good, continue", "no, don't change the public interface", "run the tests again", "can you also update the README",
        "stop, that's the wrong file", "ok commit that", "use the existing helper instead", "why did you delete that function?",
        "great. now do the same for the other endpoints", "revert the last change",
    ];

    /// <summary>A tool result, as the agent framework sends it back as the next user turn.</summary>
    public static string ToolResult(Random rng) => rng.Next(6) switch
    {
        0 => F($"<tool_result name=\"read_file\" path=\"{rng.Pick(V.Files)}\">\n{Grammar.CodeSnippet(rng)}\n</tool_result>"),
        1 => F($"<tool_result name=\"bash\">\n$ {rng.Pick(["pytest -q", "npm test", "go test ./...", "cargo test", "dotnet test"])}\n{rng.Next(0, 200)} passed, {rng.Next(0, 6)} failed in {rng.Next(1, 90)}.{rng.Next(0, 99)}s\n</tool_result>"),
        2 => F($"<tool_result name=\"grep\">\n{rng.Pick(V.Files)}:{rng.Next(1, 900)}: {rng.Pick(V.CodeTasks)}\n{rng.Pick(V.Files)}:{rng.Next(1, 900)}: TODO handle {rng.Pick(V.Features)}\n</tool_result>"),
        3 => F($"<tool_result name=\"edit_file\">Applied {rng.Next(1, 12)} edits to {rng.Pick(V.Files)}.</tool_result>"),
        4 => F($"<tool_result name=\"bash\" exit_code=\"1\">\n{rng.Pick(V.Errors)}\n</tool_result>"),
        _ => F($"<tool_result name=\"list_dir\">\n{string.Join('\n', Enumerable.Range(0, rng.Next(3, 9)).Select(_ => rng.Pick(V.Files)))}\n</tool_result>"),
    };

    /// <summary>The next user-side message of an agent loop.</summary>
    public static string Continuation(Random rng, bool previousUsedTools) =>
        previousUsedTools && !rng.Chance(0.06) ? ToolResult(rng) : rng.Pick(Interjections);

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
