using DistillGuard.Core.Features;
using DistillGuard.Core.Model;

namespace DistillGuard.Analysis;

/// <summary>The per-account states of a run held in memory, plus names for the few hashed values reports show. Not thread-safe: one writer at a time.</summary>
public sealed class AccountTable : IAccountStateStore
{
    private const int MaxNames = 10_000;
    private readonly Dictionary<AccountId, AccountState> _states = [];
    private readonly Dictionary<ulong, string> _modelNames = [];

    // Where each account was first seen in the input (its first exchange's position), in the order of _states: a table
    // filled by partitions of the accounts is put back together in this order, so it iterates as a one-thread run does.
    private readonly List<long> _firstSeen = [];

    public int Count => _states.Count;

    public IEnumerable<AccountState> States => _states.Values;

    public void Add(Exchange exchange, in ExchangeSignals signals) => Add(exchange, signals, _firstSeen.Count);

    /// <summary>Adds the exchange at <paramref name="position"/> in the input (positions rise through a run).</summary>
    public void Add(Exchange exchange, in ExchangeSignals signals, long position)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        var attributes = ExchangeAttributes.Of(exchange);
        if (!_states.TryGetValue(exchange.AccountId, out var state))
        {
            state = new AccountState(exchange.AccountId);
            _states[exchange.AccountId] = state;
            _firstSeen.Add(position);
        }

        state.Add(exchange, signals, attributes);
        if (_modelNames.Count < MaxNames)
        {
            _modelNames.TryAdd(attributes.Model, exchange.Model);
        }
    }

    /// <summary>The names kept for model hashes (at most a bounded number), for a snapshot of the table.</summary>
    public IEnumerable<KeyValuePair<ulong, string>> ModelNames => _modelNames;

    /// <summary>Puts a state read back from a snapshot (<see cref="AccountStateCodec"/>) in the table, in place of any it holds.</summary>
    public void Restore(AccountState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (!_states.ContainsKey(state.AccountId))
        {
            _firstSeen.Add(_firstSeen.Count);
        }

        _states[state.AccountId] = state;
    }

    /// <summary>Keeps a model name read back from a snapshot.</summary>
    public void RestoreModelName(ulong hash, string name)
    {
        if (_modelNames.Count < MaxNames)
        {
            _modelNames.TryAdd(hash, name);
        }
    }

    /// <summary>
    /// One table of tables that each hold other accounts (partitions of one run), in the order the accounts were first
    /// seen in the input: what one table fed the whole input would hold.
    /// </summary>
    public static AccountTable Combine(IReadOnlyList<AccountTable> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var combined = new AccountTable();
        var ordered = parts.SelectMany(p => p._states.Values.Zip(p._firstSeen)).OrderBy(s => s.Second);
        foreach (var (state, first) in ordered)
        {
            combined._states.Add(state.AccountId, state);
            combined._firstSeen.Add(first);
        }

        foreach (var (hash, name) in parts.SelectMany(p => p._modelNames).Take(MaxNames))
        {
            combined._modelNames.TryAdd(hash, name);
        }

        return combined;
    }

    public AccountState this[AccountId id] => _states[id];

    public AccountState? Find(AccountId id) => _states.GetValueOrDefault(id);

    public string ModelName(ulong hash) => _modelNames.GetValueOrDefault(hash, "(other)");

    /// <summary>Average state bytes per account (the per-account memory budget).</summary>
    public double MeanStateBytes => _states.Count == 0 ? 0 : _states.Values.Average(s => s.StateBytes + 24 + (2 * s.AccountId.Value.Length));
}
