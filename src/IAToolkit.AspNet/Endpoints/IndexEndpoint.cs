using System.Text;
using System.Text.Encodings.Web;
using IAToolkit.Companies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace IAToolkit.AspNet.Endpoints;

/// <summary><c>GET /</c>: a plain page naming the framework version and the companies this host serves.</summary>
internal static class IndexEndpoint
{
    public static void MapIndex(this IEndpointRouteBuilder endpoints)
        => endpoints.MapGet("/", Render)
            .WithName("GetIndex")
            .WithSummary("A page listing the companies this host serves.")
            .ExcludeFromDescription();

    private static ContentHttpResult Render(ICompanyCatalog catalog)
    {
        var html = HtmlEncoder.Default;
        var page = new StringBuilder();
        page.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>IAToolkit</title>")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#1f2933}")
            .Append("code{background:#f0f4f8;padding:.1rem .3rem;border-radius:.2rem}</style></head><body>")
            .Append("<h1>IAToolkit ").Append(html.Encode(IAToolkitVersion.Current)).Append("</h1><p>Companies served by this host:</p><ul>");
        foreach (var company in catalog.Companies)
        {
            page.Append("<li><a href=\"/").Append(html.Encode(company.ShortName)).Append("/home\"><strong>").Append(html.Encode(company.Configuration.Name))
                .Append("</strong></a> <code>").Append(html.Encode(company.ShortName)).Append("</code></li>");
        }

        page.Append("</ul><p><a href=\"/health/ready\">Readiness</a> · <a href=\"/openapi/v1.json\">OpenAPI</a></p></body></html>");
        return TypedResults.Text(page.ToString(), "text/html; charset=utf-8");
    }
}
