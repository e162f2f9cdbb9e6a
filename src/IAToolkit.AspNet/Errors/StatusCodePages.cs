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
            var page = PageModel.For(null);
            var title = status == StatusCodes.Status404NotFound ? page.Text.NotFoundTitle : page.Text.ErrorTitle;
            await PageResults.Notice(page, title, ErrorStatus.Title(status), status).ExecuteAsync(http);
            return;
        }

        var problem = new ProblemDetails { Status = status, Title = ErrorStatus.Title(status) };
        problem.Extensions["code"] = status == StatusCodes.Status404NotFound ? "not_found" : ErrorCodes.InvalidRequest;
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
    }
}
