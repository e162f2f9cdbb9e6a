using System.Security.Claims;
using System.Text;
using IAToolkit.AspNet.Localization;
using IAToolkit.AspNet.Pages;
using IAToolkit.Companies;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IAToolkit.AspNet.Endpoints;

/// <summary>Builds the chat page's model for the signed-in user: texts, the storage key and the file-store's limits.</summary>
internal static class ChatPageModels
{
    public static ChatModel For(Company company, HttpContext http, string language)
    {
        var user = http.User;
        var name = user.Identity?.Name ?? string.Empty;
        var identifier = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? name;
        var services = http.RequestServices;
        var extensions = services.GetRequiredService<DocumentParser>().SupportedExtensions.Split(", ", StringSplitOptions.RemoveEmptyEntries);
        var maxBytes = services.GetRequiredService<IOptions<KnowledgeOptions>>().Value.MaxFileStoreBytes;
        return new ChatModel(ChatTexts.For(language), name, UserKey(company, identifier), extensions, maxBytes, AssistantEndpoints.MaxFiles);
    }

    // Sixteen hex digits of a hash: enough to keep users of one browser apart, and it says nothing about who they are.
    private static string UserKey(Company company, string identifier)
        => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes($"{company.ShortName}\n{identifier}")))[..16];
}
