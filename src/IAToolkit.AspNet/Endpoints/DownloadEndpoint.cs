using IAToolkit.AspNet.Tenancy;
using IAToolkit.Downloads;
using Microsoft.AspNetCore.Http;

namespace IAToolkit.AspNet.Endpoints;

/// <summary><c>GET /api/{c}/downloads/{token}</c>: a generated file, for the user it was made for only.</summary>
internal static class DownloadEndpoint
{
    public static async Task<IResult> GetAsync(RouteCompany route, HttpContext http, string token, string? user_identifier, DownloadStore downloads)
    {
        var user = CallerIdentity.Identifier(http, user_identifier);
        var file = await downloads.OpenAsync(route.Company, user, token)
            ?? throw new IAToolkitException(ErrorCodes.DownloadNotFound, "This download does not exist, has expired, or belongs to someone else.");
        http.Response.Headers.CacheControl = "private, no-store";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(file.Content.ToArray(), file.ContentType, file.FileName);
    }
}
