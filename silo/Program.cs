using Moderation.Silo.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddModeration();

var app = builder.Build();
app.MapModeration();
app.Run();

public partial class Program;
