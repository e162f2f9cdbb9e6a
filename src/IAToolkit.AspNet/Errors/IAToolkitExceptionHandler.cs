using System.Globalization;
using IAToolkit.AspNet.Endpoints;
using IAToolkit.AspNet.Pages;
using IAToolkit.AspNet.Tenancy;
using IAToolkit.Companies;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IAToolkit.AspNet.Errors;

/// <summary>
/// The one place where errors become HTTP responses: an <see cref="IAToolkitException"/> gets a status chosen by its
/// stable <c>code</c>; anything else is a 500 without internals. API callers get ProblemDetails; a browser asking for
/// a page gets the same status with a page in the company's language and colors.
/// </summary>
internal sealed partial class IAToolkitExceptionHandler : IExceptionHandler
{
    private readonly IProblemDetailsService _problemDetails;
    private readonly ILogger<IAToolkitExceptionHandler> _logger;

    public IAToolkitExceptionHandler(IProblemDetailsService problemDetails, ILogger<IAToolkitExceptionHandler> logger)
    {
        _problemDetails = problemDetails;
        _logger = logger;
    }

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, code, detail) = exception switch
        {
            CompanyConfigurationException e => (ErrorStatus.For(e.Code), e.Code, "The company configuration is invalid."),
            IAToolkitException e => (ErrorStatus.For(e.Code), e.Code, e.Message),
            _ when IsAntiforgeryFailure(exception) => (StatusCodes.Status400BadRequest, ErrorCodes.InvalidRequest, "The form expired or was not sent from this site; reload the page and try again."),
            BadHttpRequestException { InnerException: System.Text.Json.JsonException json } => (StatusCodes.Status400BadRequest, ErrorCodes.InvalidRequest, JsonBodyError.Describe(httpContext, json)),
            BadHttpRequestException e => (e.StatusCode, ErrorCodes.InvalidRequest, e.Message),
            _ => (ErrorStatus.For(ErrorCodes.InternalError), ErrorCodes.InternalError, "An unexpected error occurred; the server log has the details."),
        };

        if (status >= StatusCodes.Status500InternalServerError)
        {
            Failed(_logger, httpContext.Request.Method, httpContext.Request.Path, code, exception);
        }

        httpContext.Response.StatusCode = status;
        var retryAfter = exception switch
        {
            RateLimitedException limited => limited.RetryAfter,
            Knowledge.Parsing.ParsingBusyException busy => busy.RetryAfter,
            _ => (TimeSpan?)null,
        };
        if (retryAfter is { } wait)
        {
            httpContext.Response.Headers.RetryAfter = Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }

        if (WantsPage(httpContext))
        {
            await RenderPageAsync(httpContext, exception, status, code, detail);
            return true;
        }

        var problem = new ProblemDetails { Status = status, Title = ErrorStatus.Title(status), Detail = detail };
        problem.Extensions["code"] = code;
        if (await _problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception }))
        {
            return true;
        }

        // The default writer declines clients that do not accept JSON, such as an SSE client (Accept: text/event-stream)
        // refused before its stream starts; they still get the reason, not an empty 400 or 429.
        await httpContext.Response.WriteAsJsonAsync(problem, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", cancellationToken);
        return true;
    }

    // Minimal APIs report a missing or wrong token as a BadHttpRequestException while binding the form.
    private static bool IsAntiforgeryFailure(Exception exception)
        => exception is AntiforgeryValidationException
            || (exception is BadHttpRequestException { StatusCode: 400 } && exception.Message.Contains("anti-forgery", StringComparison.OrdinalIgnoreCase));

    public static bool WantsPage(HttpContext context)
        => context.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase)
            && context.GetEndpoint()?.Metadata.GetMetadata<Security.ApiEndpointMarker>() is null
            && !context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    private static async Task RenderPageAsync(HttpContext context, Exception exception, int status, string code, string detail)
    {
        var catalog = context.RequestServices.GetRequiredService<ICompanyCatalog>();
        var company = context.GetRouteValue(RouteCompany.RouteKey) is string name && catalog is CompanyCatalog { IsLoaded: true } ? catalog.Find(name) : null;
        var page = PageModel.For(context, company);
        var text = page.Text;
        var (title, message) = exception switch
        {
            RateLimitedException limited => (text.ErrorTitle, string.Format(CultureInfo.InvariantCulture, text.ErrorTooMany, Math.Ceiling(limited.RetryAfter.TotalSeconds))),
            _ when IsAntiforgeryFailure(exception) => (text.ErrorTitle, text.ErrorFormExpired),
            _ when code == ErrorCodes.CompanyNotFound => (text.NotFoundTitle, string.Format(CultureInfo.InvariantCulture, text.CompanyNotFoundText, CompanySegment(context.Request.Path))),
            _ => (text.ErrorTitle, detail),
        };
        await PageResults.Notice(page, title, message, status).ExecuteAsync(context);
    }

    // The handler runs with the route values cleared: the company's name is read back from the path (/{c}/…, or
    // /_iatoolkit/{c}/… for its files).
    private static string CompanySegment(PathString path)
    {
        var segments = path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries) ?? [];
        var index = segments.Length > 1 && segments[0] is "_iatoolkit" or "api" ? 1 : 0;
        return segments.Length > index ? segments[index] : string.Empty;
    }

    [LoggerMessage(1701, LogLevel.Error, "{Method} {Path} failed ({Code})")]
    private static partial void Failed(ILogger logger, string method, string path, string code, Exception exception);
}
