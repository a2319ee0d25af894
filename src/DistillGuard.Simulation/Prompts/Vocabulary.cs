namespace DistillGuard.Simulation.Prompts;

/// <summary>Word lists the procedural grammars draw from; large enough that prompts rarely repeat.</summary>
internal static class Vocabulary
{
    public static readonly string[] Names =
    [
        "Alice", "Bob", "Carlos", "Dana", "Emeka", "Fatima", "Grace", "Hiro", "Ines", "Jamal", "Kira", "Liam", "Maya", "Nikhil",
        "Olga", "Pedro", "Quinn", "Rosa", "Sanjay", "Tara", "Umar", "Valeria", "Wei", "Xavier", "Yara", "Zoe", "Ahmed", "Beatriz",
        "Chen", "Diego", "Elena", "Farah", "Gustavo", "Hannah", "Ivan", "Julia", "Kenji", "Lucia", "Mateo", "Nadia", "Oscar",
        "Priya", "Rahul", "Sofia", "Tomas", "Uma", "Victor", "Wanda", "Yusuf", "Mr. Lee", "Ms. Garcia", "Janet", "Marcus",
    ];

    public static readonly string[] Items =
    [
        "apples", "pencils", "stickers", "cupcakes", "marbles", "books", "tickets", "oranges", "notebooks", "cookies", "plants",
        "t-shirts", "bracelets", "muffins", "toy cars", "comic books", "bottles of juice", "packs of gum", "candles", "seashells",
        "baseball cards", "erasers", "eggs", "loaves of bread", "boxes of cereal", "flowers", "balloons", "puzzles", "socks",
    ];

    public static readonly string[] Languages =
    [
        "Python", "JavaScript", "TypeScript", "Java", "C#", "Go", "Rust", "C++", "Kotlin", "Swift", "Ruby", "PHP", "SQL", "Bash", "Scala", "Haskell",
    ];

    public static readonly string[] CodeTasks =
    [
        "reverses a linked list", "checks whether a string is a palindrome", "merges two sorted arrays", "finds the longest common prefix of a list of strings",
        "parses a CSV line with quoted fields", "computes the nth Fibonacci number", "implements an LRU cache", "validates an email address",
        "flattens a nested list", "counts word frequencies in a text", "finds all prime numbers below n", "detects a cycle in a directed graph",
        "performs binary search on a rotated sorted array", "converts Roman numerals to integers", "groups anagrams together",
        "computes the edit distance between two strings", "implements a thread-safe queue", "debounces a function call",
        "serialises a binary tree to a string and back", "finds the k most frequent elements", "rate-limits requests with a token bucket",
        "computes the median of a data stream", "implements Dijkstra's shortest path", "balances parentheses in an expression",
        "generates all permutations of a list", "solves the knapsack problem", "finds the longest increasing subsequence",
        "implements a trie with insert and search", "merges overlapping intervals", "rotates a matrix by 90 degrees",
        "retries an HTTP call with exponential backoff", "reads a large file line by line and counts errors", "deduplicates records by key",
        "converts a timestamp between time zones", "implements a min-heap", "topologically sorts tasks with dependencies",
        "computes a rolling average over a window", "paginates results from a REST API", "compresses a string with run-length encoding",
        "finds the lowest common ancestor in a binary tree", "evaluates an arithmetic expression", "implements a simple regex matcher",
    ];

    public static readonly string[] CodeConstraints =
    [
        "in O(n log n) time", "without using built-in sort", "with unit tests", "using recursion", "iteratively", "with type hints",
        "and explain its complexity", "handling edge cases such as empty input", "in constant extra space", "using only the standard library",
        "with docstrings", "that is thread-safe", "using generics", "and add comments", "with error handling", "in a functional style",
    ];

    public static readonly string[] Topics =
    [
        "climate change", "the French Revolution", "black holes", "remote work", "the history of jazz", "machine learning", "coffee",
        "the Roman Empire", "photosynthesis", "electric cars", "minimalism", "social media", "the ocean", "friendship", "space travel",
        "artificial intelligence", "autumn", "my grandmother's kitchen", "a rainy day in the city", "the first day of school", "dragons",
        "the stock market", "vaccines", "urban gardening", "chess", "the Olympics", "cryptocurrency", "sleep", "volcanoes", "honeybees",
        "the printing press", "quantum computing", "video games", "meditation", "renewable energy", "the Silk Road", "penguins",
    ];

    public static readonly string[] WritingForms =
    [
        "short poem", "haiku", "limerick", "blog post", "short story", "cover letter", "LinkedIn post", "product description",
        "speech", "toast for a wedding", "thank-you note", "essay introduction", "tweet thread", "song chorus", "children's story",
        "birthday message", "newsletter intro", "resignation letter", "apology email", "restaurant review",
    ];

    public static readonly string[] Styles =
    [
        "Shakespeare", "a pirate", "a news anchor", "Dr. Seuss", "Hemingway", "a sports commentator", "a noir detective",
        "a motivational speaker", "a five-year-old", "a medieval bard", "a tech startup founder", "Jane Austen",
    ];

    public static readonly string[] Relations =
    [
        "boss", "landlord", "roommate", "sister", "brother", "mom", "dad", "best friend", "coworker", "neighbour", "teacher",
        "professor", "client", "partner", "girlfriend", "boyfriend", "son", "daughter", "manager", "team",
    ];

    public static readonly string[] Subjects =
    [
        "a late rent payment", "taking a day off", "a missed deadline", "a birthday party", "a broken dishwasher", "a pay raise",
        "the noise at night", "splitting the bills", "a refund", "rescheduling our meeting", "a job offer", "a group project",
        "a lost package", "a vacation request", "feedback on my work", "cancelling a subscription",
    ];

    public static readonly string[] LifeTasks =
    [
        "make sourdough bread", "fix a leaking tap", "start running", "learn Spanish faster", "save money on groceries",
        "improve my credit score", "get better sleep", "prepare for a job interview", "negotiate a salary", "train my puppy",
        "clean a cast iron pan", "write a resume with no experience", "stop procrastinating", "grow tomatoes on a balcony",
        "choose a laptop for university", "file taxes as a freelancer", "deal with burnout", "make friends in a new city",
        "remove a wine stain", "set up a home network", "budget for a wedding", "ask for a promotion", "learn to code",
    ];

    public static readonly string[] Problems =
    [
        "keeps borrowing money and not paying it back", "never replies to my messages", "takes credit for my work",
        "wants to move in together", "is always late", "doesn't clean up", "criticises everything I do", "forgot my birthday",
        "keeps asking me to cover shifts", "plays loud music at night", "wants me to lend them my car",
    ];

    public static readonly string[] Cities =
    [
        "Lisbon", "Tokyo", "Mexico City", "Berlin", "Cape Town", "Seoul", "Montreal", "Istanbul", "Bangkok", "Buenos Aires",
        "Edinburgh", "Rome", "Hanoi", "Vancouver", "Prague", "Marrakesh", "Sydney", "Reykjavik", "Lima", "Copenhagen",
    ];

    public static readonly string[] Events =
    [
        "birthday party", "team offsite", "wedding", "road trip", "hackathon", "book club meeting", "product launch", "family reunion",
        "camping weekend", "conference", "charity run", "bachelor party", "graduation dinner", "workshop",
    ];

    public static readonly string[] Goals =
    [
        "launch a mobile app", "migrate our database to PostgreSQL", "run a marathon", "open a coffee shop", "write a novel",
        "move to another country", "renovate a kitchen", "learn calculus", "switch careers into data science", "build a garden shed",
        "set up a home lab", "publish a podcast", "reduce our cloud bill", "prepare for a certification exam", "organise a community fundraiser",
    ];

    public static readonly string[] Things =
    [
        "movie", "book", "food", "season", "city", "song", "animal", "sport", "color", "game", "holiday", "dessert", "band", "TV show",
    ];

    public static readonly string[] Occupations =
    [
        "knight", "knave", "spy", "baker", "doctor", "pilot", "teacher", "artist", "engineer", "farmer", "lawyer", "chef",
    ];

    public static readonly string[] Colors = ["red", "blue", "green", "yellow", "white", "black", "purple", "orange"];

    public static readonly string[] Nouns =
    [
        "cats", "mammals", "birds", "musicians", "students", "robots", "wizards", "triangles", "fruits", "painters", "engineers",
        "reptiles", "dancers", "poets", "planets", "sailors", "vegetables", "gardeners", "philosophers", "athletes",
    ];

    public static readonly string[] Files =
    [
        "src/api/handlers.py", "src/components/Table.tsx", "internal/store/cache.go", "lib/parser.rb", "app/models/user.py",
        "src/main/java/com/acme/OrderService.java", "services/billing/invoice.ts", "pkg/auth/token.go", "src/lib.rs",
        "tests/test_scheduler.py", "web/src/hooks/useFetch.ts", "cmd/server/main.go", "src/utils/dates.js", "Controllers/AccountController.cs",
        "src/db/migrations/0042_add_index.sql", "scripts/deploy.sh", "src/features/search/ranker.py", "core/events/bus.kt",
    ];

    public static readonly string[] Features =
    [
        "pagination", "a retry policy", "request logging", "input validation", "a dark mode toggle", "CSV export", "rate limiting",
        "caching", "an audit trail", "OAuth login", "webhook support", "a health check endpoint", "soft delete", "bulk import",
        "feature flags", "metrics", "i18n support", "a search filter", "optimistic locking", "graceful shutdown",
    ];

    public static readonly string[] Errors =
    [
        "TypeError: Cannot read properties of undefined (reading 'map')", "NullPointerException at OrderService.java:88",
        "panic: runtime error: index out of range [3] with length 3", "KeyError: 'user_id'", "error[E0502]: cannot borrow `self.items` as mutable",
        "ModuleNotFoundError: No module named 'pydantic_settings'", "SyntaxError: Unexpected token '<'", "deadlock detected",
        "ECONNREFUSED 127.0.0.1:5432", "AssertionError: expected 200 but got 500", "CS8602: Dereference of a possibly null reference",
        "segmentation fault (core dumped)", "ImportError: cannot import name 'soft_unicode'", "java.lang.OutOfMemoryError: Java heap space",
    ];

    public static readonly string[] Records =
    [
        "Order #{0} shipped late, customer asked for refund of ${1}", "Invoice {0}: 3 line items, total ${1}, due in 30 days",
        "Support ticket {0}: app crashes on login after update, user on Android", "Review {0}: Great product, battery lasts {1} hours",
        "Email {0}: Please update my billing address to {2}", "Claim {0}: water damage in kitchen, estimate ${1}",
        "Transaction {0}: ${1} at merchant {2}, flagged by rule 7", "Listing {0}: 2 bed apartment in {2}, ${1}/month",
        "Ticket {0}: password reset link expired twice", "Feedback {0}: delivery driver was rude, rating 2/5",
    ];
}
