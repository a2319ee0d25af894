using DistillGuard.Simulation.Randomness;

namespace DistillGuard.Simulation.Prompts;

/// <summary>
/// Decorates a wrapper with an opener and a sign-off drawn per request, so neither the first nor the last
/// words of the prompt repeat: what an operator that has each wrapper rewritten by a model ends up sending.
/// </summary>
internal sealed class Framed(IWrapper inner) : IWrapper
{
    private static readonly string[] Openers =
    [
        "", "", "Hi.", "Hello!", "Hey there,", "Good morning.", "Quick one:", "Another question.", "Next item.", "Here's one more.",
        "Okay,", "Please help.", "New task.", "One more for you.", "Got another one.", "Next up:", "Hi again.", "Following on:",
    ];

    private static readonly string[] SignOffs =
    [
        "", "", "Thanks!", "Thank you.", "Cheers.", "Appreciated.", "Much obliged.", "Take your time.", "No rush.", "Be precise.",
        "Keep it rigorous.", "Thanks in advance.", "Many thanks.", "Grateful for the help.", "That's all.", "Looking forward to it.",
    ];

    public string Wrap(Random rng, string item)
    {
        string opener = rng.Pick(Openers), signOff = rng.Pick(SignOffs), wrapped = inner.Wrap(rng, item);
        return (opener.Length > 0 ? opener + " " : string.Empty) + wrapped + (signOff.Length > 0 ? "\n\n" + signOff : string.Empty);
    }
}
