using DistillGuard.Taxii.Config;
using DistillGuard.Taxii.Protocol;
using DistillGuard.Taxii.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DistillGuard.Taxii.Server;

/// <summary>The TAXII 2.1 read endpoints (§4–5): discovery, API root, collections, objects and manifest.</summary>
internal sealed class TaxiiEndpoints(TaxiiConfig config, TaxiiObjectStore store, TimeProvider clock)
{
    public void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/taxii2/", Discovery);
        var root = app.MapGroup("/{apiRoot}");
        root.AddEndpointFilter(async (context, next) =>
            string.Equals(context.HttpContext.Request.RouteValues["apiRoot"] as string, config.ApiRoot, StringComparison.Ordinal)
                ? await next(context)
                : TaxiiResults.Error(StatusCodes.Status404NotFound, "no such API root"));
        root.MapGet("/", ApiRoot);
        root.MapGet("/collections/", Collections);
        root.MapGet("/collections/{id}/", Collection);
        root.MapGet("/collections/{id}/objects/", (HttpContext c, string id) => Objects(c, id, null));
        root.MapGet("/collections/{id}/objects/{objectId}/", (HttpContext c, string id, string objectId) => Objects(c, id, objectId));
        root.MapGet("/collections/{id}/manifest/", Manifest);
        root.MapGet("/status/{statusId}/", Status);
        root.MapPost("/collections/{id}/objects/", new ObjectPosting(config, store, clock).PostAsync);
    }

    /// <summary>The collection if it exists and the caller may read (or write) it; else the 404 or 403 to answer.</summary>
    public static (CollectionInfo? Collection, IResult? Refusal) Authorise(TaxiiConfig config, HttpContext context, string id, bool write)
    {
        var collection = config.FindCollection(id);
        if (collection is null)
        {
            return (null, TaxiiResults.Error(StatusCodes.Status404NotFound, "no such collection", id));
        }

        var grant = context.Grant();
        var allowed = write ? grant.CanWrite(collection.Id) : grant.CanRead(collection.Id);
        return allowed
            ? (collection, null)
            : (null, TaxiiResults.Error(StatusCodes.Status403Forbidden, write ? "no write access" : "no read access", collection.Id));
    }

    private IResult Discovery(HttpContext context)
    {
        var apiRoot = $"{context.Request.Scheme}://{context.Request.Host}/{config.ApiRoot}/";
        return TaxiiResults.Resource(new DiscoveryResource(config.Title, "DistillGuard distillation-campaign intelligence (STIX 2.1)", apiRoot, [apiRoot]));
    }

    private IResult ApiRoot() =>
        TaxiiResults.Resource(new ApiRootResource(config.Title, null, [MediaTypes.Taxii], config.MaxContentLength));

    /// <summary>A status resource (§4.3) is visible to the token that made the request, and to no other.</summary>
    private IResult Status(HttpContext context, string statusId) =>
        store.FindStatus(statusId, context.Grant().Name) is { } json
            ? TaxiiResults.Raw(json)
            : TaxiiResults.Error(StatusCodes.Status404NotFound, "no such status", statusId);

    private IResult Collections(HttpContext context)
    {
        var grant = context.Grant();
        var visible = config.Collections
            .Where(c => grant.CanRead(c.Id) || grant.CanWrite(c.Id))
            .Select(c => Describe(c, grant))
            .ToArray();
        return TaxiiResults.Resource(new CollectionsResource(visible));
    }

    private IResult Collection(HttpContext context, string id)
    {
        var collection = config.FindCollection(id);
        if (collection is null)
        {
            return TaxiiResults.Error(StatusCodes.Status404NotFound, "no such collection", id);
        }

        var grant = context.Grant();
        return grant.CanRead(collection.Id) || grant.CanWrite(collection.Id)
            ? TaxiiResults.Resource(Describe(collection, grant))
            : TaxiiResults.Error(StatusCodes.Status403Forbidden, "no access", collection.Id);
    }

    private IResult Objects(HttpContext context, string id, string? objectId)
    {
        var (page, refusal) = Query(context, id, objectId);
        if (refusal is not null)
        {
            return refusal;
        }

        return objectId is not null && page!.Objects.Count == 0 && !context.Request.Query.ContainsKey("next")
            ? TaxiiResults.Error(StatusCodes.Status404NotFound, "no such object", objectId)
            : TaxiiResults.Envelope(page!);
    }

    private IResult Manifest(HttpContext context, string id)
    {
        var (page, refusal) = Query(context, id, null);
        return refusal ?? TaxiiResults.Manifest(page!);
    }

    private (ObjectPage? Page, IResult? Refusal) Query(HttpContext context, string id, string? objectId)
    {
        var (collection, refusal) = Authorise(config, context, id, write: false);
        if (collection is null)
        {
            return (null, refusal);
        }

        var (query, error) = QueryParser.Parse(context.Request.Query, collection.Id, config.MaxPageSize, objectId);
        return query is null
            ? (null, TaxiiResults.Error(StatusCodes.Status400BadRequest, "bad query", error))
            : (store.Find(query), null);
    }

    private static CollectionResource Describe(CollectionInfo c, TokenGrant grant) =>
        new(c.Id, c.Title, c.Description, grant.CanRead(c.Id), grant.CanWrite(c.Id), [MediaTypes.Stix]);
}
