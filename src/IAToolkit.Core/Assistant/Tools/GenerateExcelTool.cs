using System.Text.Json;
using IAToolkit.Downloads;
using Microsoft.Extensions.DependencyInjection;

namespace IAToolkit.Assistant.Tools;

/// <summary>
/// <c>iat_generate_excel</c>: an .xlsx from rows the model gives, offered as a download link that only the asking user
/// can open, and only for a while. Offered to every company.
/// </summary>
internal sealed class GenerateExcelTool : AssistantTool<GenerateExcelArguments>
{
    public override string Name => "iat_generate_excel";

    public override string Description => "Creates an Excel file from rows and returns a download link for the user.";

    public override async Task<object?> InvokeAsync(GenerateExcelArguments arguments, AssistantToolContext context, CancellationToken cancellationToken)
    {
        var run = context.Run;
        var data = JsonSerializer.SerializeToElement(arguments.Data, ToolArguments.JsonOptions);
        var workbook = run.Services.GetRequiredService<ExcelWorkbookWriter>().Write(arguments.Filename, arguments.SheetName, data);
        var ticket = await run.Services.GetRequiredService<DownloadStore>().SaveAsync(
            run.Company, run.User.UserIdentifier, workbook.FileName, ExcelWorkbook.ContentType, workbook.Content, lifetime: null);
        var path = $"/api/{run.Company.ShortName}/downloads/{ticket.Token}";
        // Relative to the base (which ends with '/') so that a base with a path, https://example.com/assistant/, keeps it.
        var link = run.PublicBaseUrl is null ? path : new Uri(run.PublicBaseUrl, path.TrimStart('/')).ToString();
        return new { file = workbook.FileName, rows = workbook.RowCount, download_url = link, expires_at = ticket.ExpiresAt };
    }
}
