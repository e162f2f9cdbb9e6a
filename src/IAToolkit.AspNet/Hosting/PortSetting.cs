using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IAToolkit.AspNet.Hosting;

/// <summary>
/// <c>PORT</c>: the variable platforms such as Heroku, Render or Cloud Run set to the port the web process must listen
/// on. When it is set the host listens on every interface on that port over HTTP, in place of
/// <c>ASPNETCORE_HTTP_PORTS</c> (which the .NET container images set to 8080). Addresses given explicitly
/// (<c>ASPNETCORE_URLS</c>, <c>--urls</c>) still win: they are the operator's own choice for this one host.
/// </summary>
internal static class PortSetting
{
    /// <summary>The environment variable.</summary>
    public const string VariableName = "PORT";

    public static void Apply(WebApplicationBuilder builder)
    {
        var value = builder.Configuration[VariableName];
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        if (!int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            // Reported when the host starts, with every other invalid setting, instead of as a crash while it is built.
            builder.Services.AddOptions<PortCheck>().Validate(_ => false, $"{VariableName} ('{value}') is not a port number from 1 to 65535.").ValidateOnStart();
            return;
        }

        if (string.IsNullOrWhiteSpace(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(string.Create(CultureInfo.InvariantCulture, $"http://+:{port}"));
        }
    }

    /// <summary>Carries the start-up failure of an invalid <c>PORT</c>.</summary>
    internal sealed class PortCheck;
}
