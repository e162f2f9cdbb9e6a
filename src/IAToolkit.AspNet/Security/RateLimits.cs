using IAToolkit.Redis;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace IAToolkit.AspNet.Security;

/// <summary>Per-client limits on the endpoints worth guessing at (sign-in, sign-up, reset, external login), shared by every host through Redis.</summary>
internal static class RateLimits
{
    /// <summary>Limits an endpoint to <paramref name="limit"/> requests per <paramref name="window"/> per client address and company.</summary>
    public static TBuilder RateLimitedPerClient<TBuilder>(this TBuilder builder, string policy, int limit, TimeSpan window)
        where TBuilder : IEndpointConventionBuilder
        => builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var partition = $"{http.Connection.RemoteIpAddress}:{http.Request.RouteValues["c"]}";
            var wait = await http.RequestServices.GetRequiredService<RedisRateLimiter>().HitAsync(policy, partition, limit, window);
            return wait is null ? await next(context) : throw new RateLimitedException(wait.Value);
        });
}
