using Microsoft.Extensions.DependencyInjection;

namespace IAToolkit.AspNet.Pages;

/// <summary>The company pages (sign-in, sign-up, passwords, chat): Razor components rendered on the server.</summary>
internal static class PagesServiceCollectionExtensions
{
    public static IServiceCollection AddIAToolkitPages(this IServiceCollection services)
    {
        services.AddRazorComponents();
        return services;
    }
}
