using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace IAToolkit.AspNet.Links;

/// <summary>The OpenAPI document's <c>servers</c> is the public base URL, not the address the request came in on.</summary>
internal sealed class OpenApiServersTransformer : IOpenApiDocumentTransformer
{
    private readonly PublicUrls _urls;

    public OpenApiServersTransformer(PublicUrls urls) => _urls = urls;

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Servers = [new OpenApiServer { Url = _urls.Base.AbsoluteUri.TrimEnd('/') }];
        return Task.CompletedTask;
    }
}
