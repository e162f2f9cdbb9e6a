using System.Text.Json;
using IAToolkit.Answers;
using IAToolkit.Core.Tests.Mail;
using IAToolkit.Downloads;
using IAToolkit.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace IAToolkit.Core.Tests.Downloads;

/// <summary>The answer renderer, the spreadsheet writer and the download store as <c>AddIAToolkitCore()</c> registers them.</summary>
public sealed class DownloadsRegistrationTests
{
    [Test]
    public async Task AddIAToolkitCore_GeneratedSpreadsheet_CanBeStoredAndOpenedByItsOwner()
    {
        using var host = Build(new() { ["IAToolkit:Redis:KeyPrefix"] = $"iat-test-{Guid.NewGuid():N}:" });
        var company = MailTestCompany.Create();
        using var arguments = JsonDocument.Parse("""{"filename": "ventas", "sheet_name": "Ventas", "data": [{"mes": "marzo", "total": 10}]}""");

        var workbook = host.Services.GetRequiredService<ExcelWorkbookWriter>().Write(arguments.RootElement);
        var store = host.Services.GetRequiredService<DownloadStore>();
        var ticket = await store.SaveAsync(company, "ana", workbook.FileName, ExcelWorkbook.ContentType, workbook.Content, lifetime: TimeSpan.FromMinutes(1));
        var opened = await store.OpenAsync(company, "ana", ticket.Token);

        Assert.That(opened!.FileName, Is.EqualTo("ventas.xlsx"));
        Assert.That(opened.Content.ToArray(), Is.EqualTo(workbook.Content.ToArray()));
        Assert.That(host.Services.GetRequiredService<AnswerRenderer>().ToSafeHtml("<b onclick=x()>hola</b>"), Is.EqualTo("<p><b>hola</b></p>"));
    }

    [Test]
    public void AddIAToolkitCore_ImageHostsSetting_AllowsThoseImages()
    {
        using var host = Build(new() { ["IAToolkit:Answers:ImageHosts:0"] = "static.acme.example" });

        var html = host.Services.GetRequiredService<AnswerRenderer>().ToSafeHtml("![logo](https://static.acme.example/logo.png)");

        Assert.That(html, Is.EqualTo("<p><img src=\"https://static.acme.example/logo.png\" alt=\"logo\"></p>"));
    }

    [TestCase("IAToolkit:Downloads:MaxBytes", "0")]
    [TestCase("IAToolkit:Downloads:Lifetime", "2.00:00:00")]
    [TestCase("IAToolkit:Excel:MaxRows", "2000000")]
    public void AddIAToolkitCore_InvalidLimit_FailsNamingTheSetting(string key, string value)
    {
        using var host = Build(new() { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() =>
        {
            _ = host.Services.GetRequiredService<IOptions<DownloadOptions>>().Value;
            _ = host.Services.GetRequiredService<IOptions<ExcelOptions>>().Value;
        });

        Assert.That(error!.Message, Does.Contain(key));
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = "Production",
            ContentRootPath = Path.GetTempPath(),
            DisableDefaults = true,
        });
        settings["REDIS_URL"] = TestServices.RedisUrl;
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddIAToolkitCore();
        return builder.Build();
    }
}
