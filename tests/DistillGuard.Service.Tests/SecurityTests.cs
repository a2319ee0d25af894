using System.Net;
using System.Text.Json;
using DistillGuard.Service.Config;

namespace DistillGuard.Service.Tests;

/// <summary>
/// Every operation the OpenAPI document lists is checked against the roles it names, so an endpoint added later is
/// covered without anyone remembering to add it here.
/// </summary>
public sealed class SecurityTests
{
    [Fact]
    public async Task EveryOperationThatNeedsARoleRefusesNoTokenAForgedTokenAndEveryRoleItDoesNotAllow()
    {
        using var dir = new TempDir();
        await using var server = await RunningServer.StartAsync(dir["db.duckdb"]);
        using var document = await server.SendAsync(HttpMethod.Get, "/openapi.json", token: null);
        var operations = OpenApiOperations.Read(JsonDocument.Parse(await document.Content.ReadAsStringAsync()).RootElement);
        Assert.Contains(operations, o => o.Path == "/v1/exchanges");
        var checkedOperations = 0;
        foreach (var operation in operations.Where(o => o.Roles.Count > 0))
        {
            var method = new HttpMethod(operation.Method);
            foreach (var token in new[] { null, Some.ForgedToken, "", "Bearer " + Some.Tokens[Role.Admin] })
            {
                using var refused = await server.SendAsync(method, operation.Concrete, token, method == HttpMethod.Get ? null : "{}");
                Assert.True(refused.StatusCode == HttpStatusCode.Unauthorized, $"{operation.Method} {operation.Path} with token '{token}': {refused.StatusCode}");
                Assert.Contains("Bearer", refused.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
            }

            foreach (var role in Roles.All)
            {
                using var response = await server.SendAsync(method, operation.Concrete, Some.Tokens[role], method == HttpMethod.Get ? null : "{}");
                if (operation.Roles.Contains(role.ToContract()))
                {
                    Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
                    Assert.NotEqual(HttpStatusCode.Forbidden, response.StatusCode);
                    Assert.True((int)response.StatusCode < 500, $"{operation.Method} {operation.Path} as {role}: {response.StatusCode}");
                }
                else
                {
                    Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{operation.Method} {operation.Path} as {role}: {response.StatusCode}");
                }
            }

            checkedOperations++;
        }

        Assert.True(checkedOperations >= 2, "the document lists the role-checked operations");
    }

    [Fact]
    public async Task AnOperationWithoutRolesIsOneThatIsMeantToBeOpen()
    {
        using var dir = new TempDir();
        await using var server = await RunningServer.StartAsync(dir["db.duckdb"]);
        using var document = await server.SendAsync(HttpMethod.Get, "/openapi.json", token: null);
        var open = OpenApiOperations.Read(JsonDocument.Parse(await document.Content.ReadAsStringAsync()).RootElement).Where(o => o.Roles.Count == 0);
        Assert.Equal(["/healthz"], open.Select(o => o.Path));
    }
}
