using DistillGuard.Core.Features;
using DistillGuard.Core.Model;

namespace DistillGuard.Analysis;

/// <summary>
/// Where per-account state lives: each exchange is folded into its account's <see cref="AccountState"/> (the same feature
/// code for the batch host, the online service and, later, an Orleans grain per account). In memory: <see cref="AccountTable"/>.
/// </summary>
public interface IAccountStateStore
{
    /// <summary>Accounts held.</summary>
    int Count { get; }

    /// <summary>Every account's state, for the population-wide detector.</summary>
    IEnumerable<AccountState> States { get; }

    /// <summary>One account's state, or null when the account was never seen.</summary>
    AccountState? Find(AccountId id);

    /// <summary>Folds one accepted exchange and its content signals into its account's state.</summary>
    void Add(Exchange exchange, in ExchangeSignals signals);
}

/// <summary>A source of accepted exchanges in the order they are to be folded in (a log file, a service's journal).</summary>
public interface IExchangeSource
{
    IAsyncEnumerable<Exchange> ReadAsync(CancellationToken ct);
}
