var builder = WebApplication.CreateBuilder(args);
builder.AddIAToolkit()                                   // settings from env / appsettings / .env (Development only)
       .RegisterCompany<CompanyHostCompany>("company_host");   // the class + the companies/company_host/ folder
var app = builder.Build();
app.UseIAToolkit();                                      // the middleware, in the order the framework's README gives
app.MapIAToolkit();                                      // pages, APIs, health, OpenAPI
return await app.RunIAToolkitAsync(args);                // a CLI verb if args name one, else Kestrel

/// <summary>The host's entry point, visible to its tests (WebApplicationFactory&lt;Program&gt;).</summary>
public partial class Program;
