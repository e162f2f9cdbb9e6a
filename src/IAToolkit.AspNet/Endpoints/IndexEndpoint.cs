using System.Text;
using System.Text.Encodings.Web;
using IAToolkit.AspNet.Links;
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
    {
        // Decided once, as MapIAToolkit decides whether to serve the document at all.
        var openApi = endpoints.ServiceProvider.ServesOpenApi();
        endpoints.MapGet("/", (ICompanyCatalog catalog, HttpContext http) => Render(catalog, openApi, Localization.UiTexts.For(Localization.PageLanguage.Choose(http, null))))
            .WithName("GetIndex")
            .WithSummary("A page listing the companies this host serves.")
            .ExcludeFromDescription();
    }

    private static ContentHttpResult Render(ICompanyCatalog catalog, bool openApi, Localization.UiText text)
    {
        var html = HtmlEncoder.Default;
        var page = new StringBuilder();
        page.Append("<!doctype html><html lang=\"").Append(text.Language).Append("\"><head><meta charset=\"utf-8\"><title>IAToolkit</title>")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<link rel=\"stylesheet\" href=\"/_iatoolkit/site.css\"></head><body class=\"iat-index\">")
            .Append("<h1>IAToolkit ").Append(html.Encode(IAToolkitVersion.Current)).Append("</h1><p>").Append(html.Encode(text.IndexCompanies)).Append("</p><ul>");
        foreach (var company in catalog.Companies)
        {
            page.Append("<li><a href=\"/").Append(html.Encode(company.ShortName)).Append("/home\"><strong>").Append(html.Encode(company.Configuration.Name))
                .Append("</strong></a> <code>").Append(html.Encode(company.ShortName)).Append("</code></li>");
        }

        page.Append("</ul><p><a href=\"/health/ready\">").Append(html.Encode(text.IndexReadiness)).Append("</a>")
            .Append(openApi ? " · <a href=\"/openapi/v1.json\">OpenAPI</a>" : string.Empty)
            .Append("</p></body></html>");
        return TypedResults.Text(page.ToString(), "text/html; charset=utf-8");
    }
}
