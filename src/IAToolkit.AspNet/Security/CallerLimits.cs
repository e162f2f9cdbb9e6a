using System.Globalization;
using System.Security.Claims;
using IAToolkit.Configuration;
using IAToolkit.Redis;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IAToolkit.AspNet.Security;

/// <summary>
/// Rate and concurrency limits per caller on the APIs that cost money or CPU (<c>llm_query</c>, <c>embedding</c>,
/// <c>file-store</c>), as <see cref="LimitsOptions"/> sets them, shared by every host through Redis. The caller is the
/// API key, or the signed-in user, within the company: an API client can send any <c>user_identifier</c>, so that
/// value never picks the bucket, and an address would lump together everyone behind one proxy.
/// </summary>
internal static class CallerLimits
{
    // A slot usually frees within seconds; the client learns when to try again without a guess of ours being exact.
    private static readonly TimeSpan ConcurrencyRetryAfter = TimeSpan.FromSeconds(2);

    /// <summary>Limits the endpoint by the caller's rate and running calls for <paramref name="operation"/>.</summary>
    public static TBuilder LimitedPerCaller<TBuilder>(this TBuilder builder, LimitedOperation operation)
        where TBuilder : IEndpointConventionBuilder
        => builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var services = http.RequestServices;
            var options = services.GetRequiredService<IOptions<LimitsOptions>>().Value;
            var (policy, perMinute, concurrent, what) = operation switch
            {
                LimitedOperation.Query => ("llm_query", options.QueriesPerMinute, options.ConcurrentQueries, "questions"),
                LimitedOperation.Embedding => ("embedding", options.EmbeddingsPerMinute, options.ConcurrentEmbeddings, "embeddings"),
                _ => ("file_store", options.FileStorePerMinute, options.ConcurrentFileStore, "uploads"),
            };
            var caller = Partition(http);
            var wait = await services.GetRequiredService<RedisRateLimiter>().HitAsync(policy, caller.Key, perMinute, TimeSpan.FromMinutes(1));
            if (wait is not null)
            {
                throw new RateLimitedException(wait.Value, string.Create(CultureInfo.InvariantCulture, $"At most {perMinute} {what} a minute per {caller.Kind}; retry in {Math.Ceiling(wait.Value.TotalSeconds)} s."));
            }

            await using var lease = await services.GetRequiredService<RedisConcurrencyLimiter>().TryAcquireAsync(policy, caller.Key, concurrent, options.LeaseLifetime)
                ?? throw new RateLimitedException(ConcurrencyRetryAfter, $"At most {concurrent} {what} at once per {caller.Kind}; wait for one to finish.");
            return await next(context);
        });

    private static (string Key, string Kind) Partition(HttpContext http)
    {
        var user = http.User;
        var company = user.FindFirstValue(IAToolkitAuthentication.CompanyClaim) ?? http.Request.RouteValues["c"] as string ?? string.Empty;
        return user.FindFirstValue(IAToolkitAuthentication.AuthTypeClaim) == "api_key"
            ? ($"{company}:key:{user.FindFirstValue(IAToolkitAuthentication.IdClaim)}", "API key")
            : ($"{company}:user:{user.FindFirstValue(ClaimTypes.NameIdentifier)}", "user");
    }
}
