using System.Globalization;
using DistillGuard.Simulation.Randomness;

namespace DistillGuard.Simulation.World;

/// <summary>
/// User-agent strings by client family. Campaigns draw from the same families as organic
/// users (SDKs, coding CLIs, consumer SDK wrappers): there is no "attacker" agent.
/// </summary>
internal static class UserAgents
{
    private static readonly string[] Browsers =
    [
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{0}.0.0.0 Safari/537.36",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{0}.0.0.0 Safari/537.36",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.{1} Safari/605.1.15",
        "Mozilla/5.0 (X11; Linux x86_64; rv:{0}.0) Gecko/20100101 Firefox/{0}.0",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:{0}.0) Gecko/20100101 Firefox/{0}.0",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{0}.0.0.0 Safari/537.36 Edg/{0}.0.0.0",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_{1} like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.{1} Mobile/15E148 Safari/604.1",
        "Mozilla/5.0 (Linux; Android 15; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{0}.0.0.0 Mobile Safari/537.36",
    ];

    private static readonly string[] Apps =
    [
        "FrontierChat/3.{1}.{2} (iPhone; iOS 18.{1}; Scale/3.00)",
        "FrontierChat/3.{1}.{2} (Android 15; SM-S921B)",
        "FrontierChat-Desktop/1.{1}.{2} (Macintosh; macOS 15.{1})",
        "FrontierChat-Desktop/1.{1}.{2} (Windows NT 10.0; Win64)",
    ];

    private static readonly string[] Sdks =
    [
        "frontier-python/0.{0}.{1} (CPython 3.1{2}; Linux x86_64)",
        "frontier-python/0.{0}.{1} (CPython 3.1{2}; Darwin arm64)",
        "frontier-typescript/0.{0}.{1} (node v2{2}.4.0; linux x64)",
        "frontier-go/1.{1}.{2}",
        "frontier-java/2.{1}.{2} (Java 21)",
        "python-httpx/0.2{2}.{1}",
        "python-requests/2.3{2}.{1}",
        "axios/1.{1}.{2}",
        "langchain-frontier/0.3.{0} frontier-python/0.{0}.{1}",
        "OpenWebUI/0.6.{1} frontier-python/0.{0}.{1}",
    ];

    /// <summary>Wrappers around the SDK that consumer-facing tools send (chat front-ends, note apps, bots).</summary>
    private static readonly string[] ConsumerSdks =
    [
        "TypingMind/2.{1}.{2}",
        "Raycast/1.{0}.{1} frontier-typescript/0.{0}.{1}",
        "obsidian-ai-plugin/1.{1}.{2}",
        "LibreChat/0.7.{1} frontier-typescript/0.{0}.{1}",
        "discord-bot frontier-python/0.{0}.{1} (CPython 3.1{2}; Linux x86_64)",
        "frontier-python/0.{0}.{1} (CPython 3.1{2}; Windows AMD64)",
        "MindMac/1.{1}.{2} (macOS)",
    ];

    private static readonly string[] CodingTools =
    [
        "frontier-code/1.{1}.{2} (cli; node v22.{0}.0; linux x64)",
        "frontier-code/1.{1}.{2} (cli; node v22.{0}.0; darwin arm64)",
        "aider/0.8{2}.{1} frontier-python/0.{0}.{1}",
        "Cline/3.{1}.{2} (vscode 1.10{2}.0)",
        "continue/1.{1}.{2} (vscode)",
        "openhands/0.{0}.{1} frontier-python/0.{0}.{1}",
        "Zed/0.18{2}.{1} (macos; aarch64)",
    ];

    public static string Browser(Random rng) => Fill(rng, rng.Pick(Browsers), rng.Next(128, 141));

    public static string App(Random rng) => Fill(rng, rng.Pick(Apps), rng.Next(30, 60));

    public static string Sdk(Random rng) => Fill(rng, rng.Pick(Sdks), rng.Next(30, 60));

    public static string ConsumerSdk(Random rng) => Fill(rng, rng.Pick(ConsumerSdks), rng.Next(30, 60));

    public static string CodingTool(Random rng) => Fill(rng, rng.Pick(CodingTools), rng.Next(30, 60));

    /// <summary>A consumer client: browser mostly, the app often, a consumer SDK wrapper sometimes.</summary>
    public static string Consumer(Random rng)
    {
        double x = rng.NextDouble();
        return x < 0.55 ? Browser(rng) : x < 0.88 ? App(rng) : x < 0.96 ? ConsumerSdk(rng) : Sdk(rng);
    }

    private static string Fill(Random rng, string template, int major) =>
        string.Format(CultureInfo.InvariantCulture, template, major, rng.Next(0, 10), rng.Next(0, 8));
}
