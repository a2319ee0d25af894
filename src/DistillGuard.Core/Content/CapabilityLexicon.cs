using DistillGuard.Core.Model;

namespace DistillGuard.Core.Content;

/// <summary>
/// Cue words for each capability with their weights. Kept as data so it can be read, reviewed
/// and replaced by a trained model without touching the classifier's control flow.
/// </summary>
internal static class CapabilityLexicon
{
    public static IReadOnlyDictionary<string, (Capability Capability, double Weight)> Build()
    {
        var map = new Dictionary<string, (Capability, double)>(StringComparer.Ordinal);
        void Add(Capability capability, double weight, string words)
        {
            foreach (var word in words.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                map[word] = (capability, weight);
            }
        }

        Add(Capability.Coding, 2.0, "python javascript typescript java golang rust kotlin csharp cpp sql html css json yaml regex api apis " +
            "function functions method methods class classes compile compiler bug bugs debug debugging refactor code coding program programming script " +
            "algorithm algorithms array arrays string strings integer boolean recursion recursive implement implementation variable variables loop " +
            "def return returns lambda async await exception stack linked binary tree hashmap dictionary lists runtime complexity unittest pytest " +
            "repository repo github git docker kubernetes endpoint backend frontend react node npm django flask database query queries leetcode");
        Add(Capability.Coding, 1.0, "code snippet syntax output input print error errors parse parser");
        Add(Capability.Math, 2.0, "equation equations integral derivative calculus algebra geometry probability theorem prove proof polynomial " +
            "matrix matrices vector vectors arithmetic fraction fractions percent percentage sum product quotient remainder divisible prime primes " +
            "factor factorial triangle circle radius area perimeter volume solve compute calculate math mathematics mathematical digits integer " +
            "ratio average mean median sqrt log logarithm exponent frac cdot infty");
        Add(Capability.Math, 1.0, "how many much total cost costs dollars cents each per times half twice");
        Add(Capability.Reasoning, 2.0, "logic logical puzzle riddle deduce deduction infer inference premise premises conclusion syllogism " +
            "argument valid invalid true false which statement statements options answer choices sequence pattern reasoning lie lies liar");
        Add(Capability.AgenticToolUse, 2.0, "tool tools toolformer agent agents browse browser search wikipedia terminal shell bash command commands " +
            "execute run invoke call calling api_call function_call plugin plugins observation action actions trajectory workflow automate");
        Add(Capability.Planning, 2.0, "plan plans planning schedule scheduling itinerary roadmap milestones milestone goal goals strategy " +
            "blocks stack unstack pickup putdown logistics depot depots truck trucks airplane sequence steps timeline project phases prioritize");
        Add(Capability.Writing, 2.0, "write essay story poem letter email article blog paragraph rewrite rephrase paraphrase summarize summary " +
            "draft cover resume headline slogan caption lyrics novel chapter tone formal informal proofread grammar translate translation");
        Add(Capability.Chat, 2.0, "hi hello hey thanks thank lol feel feeling advice recommend favorite favourite friend friends love " +
            "relationship movie movies music hobby weekend doing yourself opinion think chat talk bored");
        Add(Capability.DataProcessing, 2.0, "classify classification extract extraction label labels sentiment categorize categorise record records " +
            "field fields csv row rows column columns entity entities invoice normalize normalise dedupe deduplicate tag tags structured schema " +
            "pii redact sentiment transaction transactions listing listings review reviews ticket tickets spam categorise label");
        Add(Capability.DataProcessing, 1.0, "reply respond yes no only number json output format");
        return map;
    }
}
