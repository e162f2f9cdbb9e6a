using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace IAToolkit.AspNet.Endpoints;

/// <summary>Endpoint metadata and middleware that cap a request body: small forms and JSON get small limits.</summary>
internal sealed class BodySizeLimit : IRequestSizeLimitMetadata
{
    /// <summary>Forms and small JSON requests: 16 KiB.</summary>
    public const long Small = 16 * 1024;

    public BodySizeLimit(long bytes) => MaxRequestBodySize = bytes;

    public long? MaxRequestBodySize { get; }

    /// <summary>Applies the endpoint's limit before anything reads the body; a larger declared body is a 413.</summary>
    public static Task ApplyAsync(HttpContext context, RequestDelegate next)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize is { } limit)
        {
            if (context.Request.ContentLength > limit)
            {
                throw new BadHttpRequestException($"The request body is larger than the {limit} bytes this endpoint accepts.", StatusCodes.Status413PayloadTooLarge);
            }

            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            {
                feature.MaxRequestBodySize = limit;
            }
        }

        return next(context);
    }
}
