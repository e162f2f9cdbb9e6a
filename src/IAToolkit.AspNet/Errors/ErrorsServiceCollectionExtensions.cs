using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IAToolkit.AspNet.Errors;

/// <summary>Errors as ProblemDetails (APIs) or pages (browsers), with the framework's codes.</summary>
internal static class ErrorsServiceCollectionExtensions
{
    public static IServiceCollection AddIAToolkitErrors(this IServiceCollection services)
    {
        services.AddProblemDetails();

        // Binding failures (malformed JSON, a wrong content type, a missing antiforgery token) reach the exception
        // handler, which explains them as ProblemDetails or as a page.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IExceptionHandler, IAToolkitExceptionHandler>());
        return services;
    }
}
