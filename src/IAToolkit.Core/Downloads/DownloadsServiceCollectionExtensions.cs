using IAToolkit.Configuration;
using IAToolkit.Redis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IAToolkit.Downloads;

/// <summary>Downloads: the spreadsheet writer of <c>iat_generate_excel</c> and the short-lived files in Redis.</summary>
internal static class DownloadsServiceCollectionExtensions
{
    public static IServiceCollection AddDownloads(this IServiceCollection services)
    {
        services.AddValidatedOptions<ExcelOptions, DownloadsOptionsValidator>(ExcelOptions.SectionName);
        services.AddValidatedOptions<DownloadOptions, DownloadsOptionsValidator>(DownloadOptions.SectionName);
        services.TryAddSingleton<ExcelWorkbookWriter>();
        services.TryAddSingleton(sp => new DownloadStore(
            sp.GetRequiredService<RedisConnection>(), sp.GetRequiredService<IOptions<DownloadOptions>>(), sp.GetRequiredService<ILogger<DownloadStore>>()));
        return services;
    }
}
