using IAToolkit.Companies;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace IAToolkit.AspNet.Errors;

/// <summary>
/// The one place where errors become HTTP responses: an <see cref="IAToolkitException"/> becomes ProblemDetails with
/// its stable <c>code</c> and a status chosen by that code; anything else is a 500 without internals.
/// </summary>
internal sealed class IAToolkitExceptionHandler : IExceptionHandler
{
    private readonly IProblemDetailsService _problemDetails;

    public IAToolkitExceptionHandler(IProblemDetailsService problemDetails) => _problemDetails = problemDetails;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, code, detail) = exception switch
        {
            CompanyConfigurationException e => (StatusCodes.Status500InternalServerError, e.Code, "The company configuration is invalid."),
            IAToolkitException e => (ErrorStatus.For(e.Code), e.Code, e.Message),
            BadHttpRequestException e => (e.StatusCode, ErrorCodes.InvalidRequest, e.Message),
            _ => (StatusCodes.Status500InternalServerError, "internal_error", "An unexpected error occurred; the server log has the details."),
        };

        httpContext.Response.StatusCode = status;
        var problem = new ProblemDetails { Status = status, Title = ErrorStatus.Title(status), Detail = detail };
        problem.Extensions["code"] = code;
        return await _problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }
}
