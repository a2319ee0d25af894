using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace DistillGuard.Cli.Replay;

/// <summary>What the service said of one posted batch (the contract's reply of <c>POST /v1/exchanges</c>).</summary>
internal sealed record IngestReply(long Accepted, long Rejected, long Duplicates);

/// <summary>A campaign the service currently holds, and its accounts.</summary>
internal sealed record ServiceCampaign(string CampaignId, IReadOnlyList<string> Accounts);

/// <summary>The few calls replay makes to a running <c>distillguard serve</c>, by the service contract (../shared/spec/SERVICE.md).</summary>
internal sealed class ServiceClient(HttpClient http)
{
    /// <summary>Longest wait a 429 may ask for before replay retries a batch.</summary>
    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(30);

    /// <summary>Posts one batch as NDJSON; a 429 is waited out (Retry-After) and the same batch sent again, never dropped.</summary>
    public async Task<IngestReply> PostAsync(IReadOnlyList<string> lines, CancellationToken ct)
    {
        var body = string.Join('\n', lines) + "\n";
        while (true)
        {
            using var content = new StringContent(body, Encoding.UTF8);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
            using var response = await http.PostAsync("v1/exchanges", content, ct);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
                await Task.Delay(wait > MaxRetryAfter ? MaxRetryAfter : wait, ct);
                continue;
            }

            using var reply = await Read(response, "POST /v1/exchanges", ct);
            var root = reply.RootElement;
            return new IngestReply(root.GetProperty("accepted").GetInt64(), root.GetProperty("rejected").GetInt64(), root.GetProperty("duplicates").GetInt64());
        }
    }

    /// <summary>Runs linking now (admin); false when the token may not (the service then relinks on its own timer).</summary>
    public async Task<bool> RelinkAsync(CancellationToken ct)
    {
        using var response = await http.PostAsync("v1/relink", null, ct);
        if (response.StatusCode == HttpStatusCode.Forbidden)
        {
            return false;
        }

        (await Read(response, "POST /v1/relink", ct)).Dispose();
        return true;
    }

    /// <summary>The campaigns the service holds now (analyst or admin); null when the token may not read them.</summary>
    public async Task<IReadOnlyList<ServiceCampaign>?> CampaignsAsync(CancellationToken ct)
    {
        using var response = await http.GetAsync("v1/campaigns", ct);
        if (response.StatusCode == HttpStatusCode.Forbidden)
        {
            return null;
        }

        using var reply = await Read(response, "GET /v1/campaigns", ct);
        return [.. reply.RootElement.EnumerateArray().Select(c => new ServiceCampaign(
            c.GetProperty("campaign_id").GetString() ?? "",
            [.. c.GetProperty("accounts").EnumerateArray().Select(a => a.GetString() ?? "")]))];
    }

    /// <summary>
    /// Every account whose current action is not allow (analyst or admin), paging through <c>GET /v1/accounts?acted=true</c>;
    /// null when the token may not read them.
    /// </summary>
    public async Task<IReadOnlyList<string>?> ActedAccountsAsync(CancellationToken ct)
    {
        var accounts = new List<string>();
        string? after = null;
        do
        {
            var query = "v1/accounts?acted=true&limit=" + AccountsPerPage.ToString(System.Globalization.CultureInfo.InvariantCulture)
                + (after is null ? "" : "&after=" + Uri.EscapeDataString(after));
            using var response = await http.GetAsync(query, ct);
            if (response.StatusCode == HttpStatusCode.Forbidden)
            {
                return null;
            }

            using var reply = await Read(response, "GET /v1/accounts", ct);
            accounts.AddRange(reply.RootElement.GetProperty("accounts").EnumerateArray().Select(a => a.GetProperty("account_id").GetString() ?? ""));
            after = reply.RootElement.GetProperty("next").GetString();
        }
        while (after is not null);

        return accounts;
    }

    /// <summary>Accounts asked for in one page of <c>GET /v1/accounts</c>.</summary>
    private const int AccountsPerPage = 10_000;

    private static async Task<JsonDocument> Read(HttpResponseMessage response, string call, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new IOException($"{call} answered {(int)response.StatusCode}: {Shorten(text)}");
        }

        try
        {
            return JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            throw new IOException($"{call} answered with a body that is not JSON: {e.Message}");
        }
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
