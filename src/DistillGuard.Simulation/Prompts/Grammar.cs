using System.Globalization;
using DistillGuard.Simulation.Randomness;
using V = DistillGuard.Simulation.Prompts.Vocabulary;

namespace DistillGuard.Simulation.Prompts;

/// <summary>Template grammars, one method per capability; numbers and names make items near-unique.</summary>
internal static class Grammar
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Coding(Random rng) => rng.Next(6) switch
    {
        0 => F($"Write a {rng.Pick(V.Languages)} function that {rng.Pick(V.CodeTasks)} {rng.Pick(V.CodeConstraints)}."),
        1 => F($"How do I write something in {rng.Pick(V.Languages)} that {rng.Pick(V.CodeTasks)}?"),
        2 => F($"Implement a class in {rng.Pick(V.Languages)} that {rng.Pick(V.CodeTasks)}. It should be {rng.Pick(V.CodeConstraints)}."),
        3 => F($"I'm getting this error in my {rng.Pick(V.Languages)} code: {rng.Pick(V.Errors)}. What does it mean and how do I fix it?"),
        4 => F($"Given an array of {rng.Next(2, 9)} integers, write code that {rng.Pick(V.CodeTasks)}. Input size up to {rng.Next(1, 10) * 10000}."),
        _ => F($"Translate this function from {rng.Pick(V.Languages)} to {rng.Pick(V.Languages)}:\n\n{CodeSnippet(rng)}"),
    };

    public static string MathWord(Random rng)
    {
        string a = rng.Pick(V.Names), b = rng.Pick(V.Names), item = rng.Pick(V.Items);
        int n = rng.Next(3, 60), m = rng.Next(2, 25), p = rng.Next(2, 40), pct = rng.Next(1, 20) * 5;
        return rng.Next(8) switch
        {
            0 => F($"{a} has {n} {item}. {a} gives {m} to {b} and then buys {p} more. How many {item} does {a} have now?"),
            1 => F($"{a} buys {n} {item} at ${p} each and pays with a ${((n * p / 50) + 1) * 50} bill. How much change does {a} get?"),
            2 => F($"A store sells {item} for ${p}.{rng.Next(10, 99)}. During a sale everything is {pct}% off. {a} buys {m}. What is the total cost?"),
            3 => F($"A train leaves at {rng.Next(5, 12)}:{rng.Next(10, 59)} am and travels {n * 10} km at {m * 5 + 40} km/h. When does it arrive?"),
            4 => F($"{a} reads {m} pages a day. The book has {n * 10} pages and {a} has already read {p} pages. How many more days until {a} finishes?"),
            5 => F($"Solve for x: {m}x + {p} = {(m * n) + p}"),
            6 => F($"The sum of two numbers is {n + m + p} and their difference is {Math.Abs(n - m)}. What are the numbers?"),
            _ => F($"A rectangle is {n} cm long and {m} cm wide. If the length is increased by {pct}%, by how much does the area increase?"),
        };
    }

    public static string Reasoning(Random rng)
    {
        string x = rng.Pick(V.Nouns), y = rng.Pick(V.Nouns), z = rng.Pick(V.Nouns);
        string[] people = [.. Enumerable.Range(0, 4).Select(_ => rng.Pick(V.Names)).Distinct()];
        return rng.Next(6) switch
        {
            0 => F($"If all {x} are {y}, and some {y} are {z}, does it follow that some {x} are {z}? Explain."),
            1 => F($"{string.Join(", ", people)} are standing in a line. {people[0]} is not first. {people[^1]} is directly behind {people[0]}. Who could be first?"),
            2 => F($"What is the next number in the sequence: {Seq(rng)}?"),
            3 => F($"On an island, {rng.Pick(V.Names)} says \"{rng.Pick(V.Names)} is a {rng.Pick(V.Occupations)}\". Knights always tell the truth and knaves always lie. If exactly one of them is a knight, who is lying?"),
            4 => F($"There are {rng.Next(3, 9)} boxes, coloured {rng.Pick(V.Colors)}, {rng.Pick(V.Colors)} and {rng.Pick(V.Colors)}. The {rng.Pick(V.Colors)} box is left of the {rng.Pick(V.Colors)} one, and the leftmost box is not {rng.Pick(V.Colors)}. Which arrangements are possible?"),
            _ => F($"A clock shows {rng.Next(1, 12)}:{rng.Next(10, 59)}. What is the angle between the hour and minute hands?"),
        };
    }

    public static string Planning(Random rng) => rng.Next(4) switch
    {
        0 => F($"Plan a {rng.Next(2, 11)}-day trip to {rng.Pick(V.Cities)} for {rng.Next(1, 6)} people with a budget of ${rng.Next(8, 80) * 100}."),
        1 => F($"Create a step-by-step plan to {rng.Pick(V.Goals)} in {rng.Next(2, 13)} months."),
        2 => F($"Organise a {rng.Pick(V.Events)} for {rng.Next(5, 120)} people. List the tasks, their order and who should own each."),
        _ => F($"I need to {rng.Pick(V.Goals)} while working full time. Break it into weekly milestones."),
    };

    public static string Writing(Random rng) => rng.Next(5) switch
    {
        0 => F($"Write a {rng.Pick(V.WritingForms)} about {rng.Pick(V.Topics)}."),
        1 => F($"Write a {rng.Pick(V.WritingForms)} about {rng.Pick(V.Topics)} in the style of {rng.Pick(V.Styles)}."),
        2 => F($"Draft an email to my {rng.Pick(V.Relations)} about {rng.Pick(V.Subjects)}. Keep it polite but firm."),
        3 => F($"can you help me write a {rng.Pick(V.WritingForms)} for my {rng.Pick(V.Relations)}"),
        _ => F($"Rewrite this to sound more professional: \"hey, about {rng.Pick(V.Subjects)}, I can't do it this week, sorry\""),
    };

    public static string Chat(Random rng) => rng.Next(9) switch
    {
        0 => rng.Pick(["hi", "hello", "hey there", "hi!", "good morning", "yo", "hello, who are you?"]),
        1 => F($"what's your favorite {rng.Pick(V.Things)}?"),
        2 => F($"tell me a joke about {rng.Pick(V.Topics)}"),
        3 => F($"I'm bored. Any ideas for something to do in {rng.Pick(V.Cities)} this weekend?"),
        4 => F($"what do you think about {rng.Pick(V.Topics)}?"),
        5 => F($"give me a fun fact about {rng.Pick(V.Topics)}"),
        6 => F($"I just watched a documentary about {rng.Pick(V.Topics)}, it was wild"),
        7 => F($"recommend me a {rng.Pick(V.Things)} similar to what I like, I'm into {rng.Pick(V.Topics)}"),
        _ => F($"Explain {rng.Pick(V.Topics)} like I'm {rng.Next(5, 15)}."),
    };

    public static string Advice(Random rng) => rng.Next(5) switch
    {
        0 => F($"How do I {rng.Pick(V.LifeTasks)}?"),
        1 => F($"My {rng.Pick(V.Relations)} {rng.Pick(V.Problems)}. What should I do?"),
        2 => F($"what's the best way to {rng.Pick(V.LifeTasks)} on a budget"),
        3 => F($"I'm {rng.Next(18, 70)} and want to {rng.Pick(V.LifeTasks)}. Where do I start?"),
        _ => F($"Is it normal that my {rng.Pick(V.Relations)} {rng.Pick(V.Problems)}?"),
    };

    public static string DataProcessing(Random rng) => rng.Next(4) switch
    {
        0 => F($"Convert this CSV to JSON:\n{Csv(rng)}"),
        1 => F($"Extract the names, amounts and dates from this text: {Record(rng)}. {Record(rng)}."),
        2 => F($"Write a SQL query that returns the top {rng.Next(3, 20)} customers by revenue per month from tables orders(id, customer_id, total, created_at) and customers(id, name, country)."),
        _ => F($"Clean this list and sort it alphabetically, removing duplicates: {string.Join(", ", Enumerable.Range(0, rng.Next(5, 12)).Select(_ => rng.Pick(V.Names)))}"),
    };

    public static string Tools(Random rng) => rng.Next(4) switch
    {
        0 => F($"Use the search tool to find the current population of {rng.Pick(V.Cities)} and compare it with ten years ago."),
        1 => F($"Call the weather API for {rng.Pick(V.Cities)} and tell me whether to pack an umbrella for {rng.Next(2, 8)} days."),
        2 => F($"Use python to compute the standard deviation of: {string.Join(", ", Enumerable.Range(0, rng.Next(6, 14)).Select(_ => rng.Next(1, 500)))}"),
        _ => F($"Look up {rng.Pick(V.Topics)} on wikipedia and summarise it in {rng.Next(3, 8)} bullet points."),
    };

    public static string Record(Random rng) =>
        string.Format(Inv, rng.Pick(V.Records), rng.Next(10000, 99999), rng.Next(5, 2000), rng.Pick(V.Cities));

    public static string CodeSnippet(Random rng)
    {
        string fn = rng.Pick(["total", "process", "load_items", "score", "merge", "normalize", "parse_row"]);
        int k = rng.Next(2, 10);
        return F($"def {fn}(items):\n    result = []\n    for i, x in enumerate(items):\n        if x % {k} == 0:\n            result.append(x * i)\n    return sum(result)");
    }

    private static string Csv(Random rng)
    {
        var lines = new List<string> { "name,age,city" };
        for (int i = rng.Next(2, 6); i > 0; i--)
        {
            lines.Add(F($"{rng.Pick(V.Names)},{rng.Next(18, 80)},{rng.Pick(V.Cities)}"));
        }

        return string.Join('\n', lines);
    }

    private static string Seq(Random rng)
    {
        int a = rng.Next(1, 20), d = rng.Next(2, 9);
        return rng.Next(3) switch
        {
            0 => string.Join(", ", Enumerable.Range(0, 5).Select(i => (a + (i * d)).ToString(Inv))),
            1 => string.Join(", ", Enumerable.Range(0, 5).Select(i => (a * (int)System.Math.Pow(2, i)).ToString(Inv))),
            _ => string.Join(", ", Enumerable.Range(1, 5).Select(i => ((i * i) + a).ToString(Inv))),
        };
    }

    private static string F(FormattableString s) => s.ToString(Inv);
}
