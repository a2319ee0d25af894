using DistillGuard.Core.Content;

namespace DistillGuard.Core.Sketches;

/// <summary>
/// The word trigrams an account keeps repeating across its prompts: a Misra–Gries heavy-hitter sketch
/// over a fixed, hash-chosen eighth of all trigrams (as document fingerprinting samples shingles), each
/// counted once per prompt. An operator's paraphrased wrapper still carries some of its wording in many
/// requests (a persona, an instruction, an answer format), while its payloads vary; a person rarely
/// repeats a three-word phrase in one prompt of seven. Because the sample is chosen by the phrase's
/// hash, every account keeps the same phrases of a shared wrapper, so their sketches can be compared.
/// Only prompts long enough to hold a wrapper are sketched, and only their opening and closing words, where
/// wrappers sit. Bounded at <see cref="Capacity"/> counters of 4 bytes (a 24-bit phrase fingerprint and an
/// 8-bit count); when a count would pass 255, every count and the window of prompts they are shares of are
/// halved together, so shares hold and older prompts weigh less (an exponentially decayed window).
/// Merging is the Misra–Gries merge (add, then cut to capacity).
/// A counter underestimates a phrase's count in the window by at most (sampled phrases) / (capacity + 1).
/// Hashes are unkeyed and the sketch lives in memory only; it is never stored or shared.
/// </summary>
public sealed class RecurringPhrases
{
    /// <summary>Counters kept.</summary>
    public const int Capacity = 96;

    /// <summary>A phrase is sampled when its hash's top bits are zero: one phrase in 2^<see cref="SampleBits"/>.</summary>
    public const int SampleBits = 3;

    /// <summary>Words read from the start of a prompt.</summary>
    public const int HeadWords = 40;

    /// <summary>Words read from the end of a longer prompt.</summary>
    public const int TailWords = 24;

    /// <summary>
    /// Words a prompt needs to be sketched: a wrapper around a payload is longer than this, and the many
    /// short prompts of ordinary chat then cost neither time nor memory.
    /// </summary>
    public const int MinWords = 16;

    /// <summary>Prompts a phrase must recur in, at least, to count as recurring.</summary>
    public const int MinRecurrences = 3;

    /// <summary>Share of the account's prompts a phrase must recur in, at least, to count as recurring.</summary>
    public const double MinShare = 0.08;

    private const int MaxSampledPerPrompt = 32;

    private const int CountBits = 8;
    private const uint CountMask = (1u << CountBits) - 1;

    /// <summary>Phrase fingerprints keep this many bits of the trigram hash (not its top bits, which choose the sample).</summary>
    public const int FingerprintBits = 32 - CountBits;

    // Each entry: the phrase's fingerprint in the high 24 bits, its count in the window in the low 8.
    private uint[] _entries = [];
    private int _size;

    // Prompts the counts are counted over: every sketched prompt, halved with the counts.
    private long _window;

    /// <summary>Prompts sketched (those of at least <see cref="MinWords"/> words).</summary>
    public long Prompts { get; private set; }

    /// <summary>Approximate bytes held.</summary>
    public int PayloadBytes => 40 + (_entries.Length * 4);

    /// <summary>Adds one prompt's sampled trigrams, each once, when it has at least <see cref="MinWords"/> words.</summary>
    public void AddPrompt(string? prompt)
    {
        if (string.IsNullOrEmpty(prompt))
        {
            return;
        }

        var sampler = new TrigramSampler(stackalloc uint[MaxSampledPerPrompt]);
        Span<char> scratch = stackalloc char[48];
        var text = prompt.AsSpan();
        var position = 0;
        if (sampler.Read(text, ref position, HeadWords, scratch) < MinWords)
        {
            return;
        }

        Prompts++;
        _window++;

        // The closing words of a longer prompt, after the head: a fresh window, so no trigram spans the cut.
        position = Math.Max(position, LastWordsStart(text, Math.Max(position, text.Length - PromptWords.TailWindow), TailWords));
        sampler.Read(text, ref position, TailWords, scratch);
        foreach (var phrase in sampler.Sampled)
        {
            Increment(phrase);
        }
    }

    /// <summary>The phrases (fingerprints) recurring in at least <see cref="MinRecurrences"/> prompts and <see cref="MinShare"/> of them, ascending.</summary>
    public uint[] Recurring()
    {
        var floor = Math.Max(MinRecurrences, MinShare * _window);
        var result = new List<uint>();
        for (var i = 0; i < _size; i++)
        {
            if (Count(_entries[i]) >= floor)
            {
                result.Add(Key(_entries[i]));
            }
        }

        result.Sort();
        return [.. result];
    }

    /// <summary>Folds another sketch in: counters add, then all drop by the (capacity + 1)-th largest and the empty ones go.</summary>
    public void Merge(RecurringPhrases other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Prompts += other.Prompts;
        _window += other._window;
        for (var i = 0; i < other._size; i++)
        {
            var phrase = Key(other._entries[i]);
            var at = IndexOf(phrase);
            if (at >= 0)
            {
                Add(at, Count(other._entries[i]));
            }
            else
            {
                Append(other._entries[i]);
            }
        }

        if (_size > Capacity)
        {
            var counts = _entries[.._size].Select(Count).OrderDescending().ToArray();
            Reduce(counts[Capacity]);
        }
    }

    private static uint Key(uint entry) => entry >> CountBits;

    private static long Count(uint entry) => entry & CountMask;

    private static uint Entry(uint phrase, long count) => (phrase << CountBits) | (uint)count;

    /// <summary>Adds to a counter; when it would pass the 8-bit range, every count and the window are halved first.</summary>
    private void Add(int at, long count)
    {
        var phrase = Key(_entries[at]);
        var total = Count(_entries[at]) + count;
        while (total > CountMask)
        {
            Halve();
            total >>= 1;
        }

        at = IndexOf(phrase);
        if (at < 0)
        {
            Append(Entry(phrase, total));
            return;
        }

        _entries[at] = Entry(phrase, total);
    }

    /// <summary>Halves every count and the window they are counted over; counts that reach zero go.</summary>
    private void Halve()
    {
        var kept = 0;
        for (var i = 0; i < _size; i++)
        {
            var count = Count(_entries[i]) >> 1;
            if (count > 0)
            {
                _entries[kept++] = Entry(Key(_entries[i]), count);
            }
        }

        _size = kept;
        _window >>= 1;
    }

    /// <summary>Where the last <paramref name="words"/> words of <paramref name="text"/> start, looking back no further than <paramref name="floor"/> (never inside a word).</summary>
    private static int LastWordsStart(ReadOnlySpan<char> text, int floor, int words)
    {
        var i = text.Length;
        for (var found = 0; found < words && i > floor; found++)
        {
            while (i > floor && !char.IsLetterOrDigit(text[i - 1]))
            {
                i--;
            }

            while (i > floor && char.IsLetterOrDigit(text[i - 1]))
            {
                i--;
            }
        }

        // A window cut inside a word starts after it.
        while (i > 0 && i < text.Length && char.IsLetterOrDigit(text[i - 1]) && char.IsLetterOrDigit(text[i]))
        {
            i++;
        }

        return i;
    }

    /// <summary>The distinct sampled trigrams of one prompt, read a window of words at a time.</summary>
    private ref struct TrigramSampler(Span<uint> buffer)
    {
        private readonly Span<uint> _buffer = buffer;
        private int _count;
        private ulong _w1;
        private ulong _w2;

        public readonly ReadOnlySpan<uint> Sampled => _buffer[.._count];

        /// <summary>Reads up to <paramref name="limit"/> words from <paramref name="position"/> as a fresh window (its first trigram ends at its third word); returns the words read.</summary>
        public int Read(ReadOnlySpan<char> text, ref int position, int limit, Span<char> scratch)
        {
            var words = 0;
            while (words < limit && PromptWords.NextWord(text, ref position, out var start, out var length))
            {
                var word = PromptWords.Hash(text, start, length, scratch);
                words++;
                if (words >= 3)
                {
                    var phrase = StableHash.Combine(StableHash.Combine(_w1, _w2), word);
                    var fingerprint = (uint)phrase & ((1u << FingerprintBits) - 1);
                    if (phrase >> (64 - SampleBits) == 0 && _count < _buffer.Length && !_buffer[.._count].Contains(fingerprint))
                    {
                        _buffer[_count++] = fingerprint;
                    }
                }

                _w1 = _w2;
                _w2 = word;
            }

            return words;
        }
    }

    private int IndexOf(uint phrase)
    {
        for (var i = 0; i < _size; i++)
        {
            if (Key(_entries[i]) == phrase)
            {
                return i;
            }
        }

        return -1;
    }

    private void Increment(uint phrase)
    {
        var at = IndexOf(phrase);
        if (at >= 0)
        {
            Add(at, 1);
        }
        else if (_size < Capacity)
        {
            Append(Entry(phrase, 1));
        }
        else
        {
            // Misra–Gries: a new phrase with the table full lowers every counter by one instead.
            Reduce(1);
        }
    }

    private void Append(uint entry)
    {
        if (_size == _entries.Length)
        {
            // Grows to the capacity; only a merge goes past it, until it is cut back.
            var length = _entries.Length;
            Array.Resize(ref _entries, length == 0 ? 8 : length < Capacity ? Math.Min(Capacity, length + 8) : length * 2);
        }

        _entries[_size++] = entry;
    }

    /// <summary>Lowers every counter by <paramref name="by"/> and drops those that reach zero.</summary>
    private void Reduce(long by)
    {
        var kept = 0;
        for (var i = 0; i < _size; i++)
        {
            var value = Count(_entries[i]) - by;
            if (value > 0)
            {
                _entries[kept++] = Entry(Key(_entries[i]), value);
            }
        }

        _size = kept;
        if (_entries.Length > Capacity && _size <= Capacity)
        {
            Array.Resize(ref _entries, Capacity);
        }
    }

    /// <summary>Writes the table, its size, window and prompt count (<see cref="Features.AccountStateCodec"/>).</summary>
    internal void Write(BinaryWriter writer)
    {
        writer.Write(_entries.Length);
        foreach (var entry in _entries)
        {
            writer.Write(entry);
        }

        writer.Write(_size);
        writer.Write(_window);
        writer.Write(Prompts);
    }

    /// <summary>Reads what <see cref="Write"/> wrote into this empty sketch.</summary>
    internal void Read(BinaryReader reader)
    {
        var length = reader.ReadInt32();
        StateCodec.Expect(length is >= 0 and <= StateCodec.MaxArray, true, "phrase table size");
        _entries = new uint[length];
        for (var i = 0; i < length; i++)
        {
            _entries[i] = reader.ReadUInt32();
        }

        _size = reader.ReadInt32();
        _window = reader.ReadInt64();
        Prompts = reader.ReadInt64();
    }
}
