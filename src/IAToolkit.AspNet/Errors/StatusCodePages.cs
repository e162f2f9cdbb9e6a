using IAToolkit.AspNet.Endpoints;
using IAToolkit.AspNet.Pages;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace IAToolkit.AspNet.Errors;

/// <summary>Bodies for error statuses that no exception explains (an unknown path, a wrong method): a page or ProblemDetails.</summary>
internal static class StatusCodePages
{
    public static async Task WriteAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var status = http.Response.StatusCode;
        if (IAToolkitExceptionHandler.WantsPage(http))
        {
            var page = PageModel.For(http, null);
            var title = status == StatusCodes.Status404NotFound ? page.Text.NotFoundTitle : page.Text.ErrorTitle;
            await PageResults.Notice(page, title, ExplainOnPage(page.Text, http, status), status).ExecuteAsync(http);
            return;
        }

        var problem = new ProblemDetails { Status = status, Title = ErrorStatus.Title(status), Detail = Explain(http, status) };
        problem.Extensions["code"] = status == StatusCodes.Status404NotFound ? ErrorCodes.NotFound : ErrorCodes.InvalidRequest;
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
    }

    private static string ExplainOnPage(Localization.UiText text, HttpContext http, int status) => status switch
    {
        StatusCodes.Status404NotFound => string.Format(System.Globalization.CultureInfo.InvariantCulture, text.NotFoundText, http.Request.Path),
        StatusCodes.Status405MethodNotAllowed => string.Format(System.Globalization.CultureInfo.InvariantCulture, text.MethodNotAllowedText, http.Request.Path),
        StatusCodes.Status415UnsupportedMediaType => text.UnsupportedMediaText,
        _ => text.ErrorTitle,
    };

    private static string Explain(HttpContext http, int status) => status switch
    {
        StatusCodes.Status404NotFound => $"Nothing is served at {http.Request.Path}.",
        StatusCodes.Status405MethodNotAllowed => $"{http.Request.Path} does not accept {http.Request.Method}.",
        StatusCodes.Status415UnsupportedMediaType => "Send the body as application/json.",
        _ => ErrorStatus.Title(status),
    };
}
