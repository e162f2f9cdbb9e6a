var builder = WebApplication.CreateBuilder(args);
builder.AddIAToolkit()
       .RegisterCompany<SampleCompany.SampleCompany>("sample_company");

var app = builder.Build();
app.UseIAToolkit();
app.MapIAToolkit();
return await app.RunIAToolkitAsync(args);

/// <summary>The host's entry point, visible to the integration tests.</summary>
public partial class Program;
