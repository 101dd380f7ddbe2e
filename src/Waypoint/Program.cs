using Waypoint.Data;
using Waypoint.Features.Accounts;
using Waypoint.Features.Assessments;
using Waypoint.Features.Authorities;
using Waypoint.Features.Health;
using Waypoint.Features.Home;
using Waypoint.Features.Organisations;
using Waypoint.Features.Questionnaires;
using Waypoint.Infrastructure.Api;
using Waypoint.Infrastructure.DataProtection;
using Waypoint.Infrastructure.Email;
using Waypoint.Infrastructure.Localization;
using Waypoint.Infrastructure.Web;

var builder = WebApplication.CreateBuilder(args);

builder.AddData();
builder.AddSharedDataProtection();
builder.AddWaypointLocalization();
builder.AddWebUi();
builder.AddErrorHandling();
builder.AddApi();
builder.AddEmail();
builder.AddHealth();
builder.AddAccounts();
builder.AddAuthorities();
builder.AddOrganisations();
builder.AddQuestionnaires();
builder.AddAssessments();
builder.AddDemoAccounts(); // after the directory's seeders: the demo organisation needs a municipality

var app = builder.Build();

app.UseWaypointPipeline();
app.MapHealth();
app.MapLanguageSwitch();
app.MapApiDocuments();
app.MapAccounts();
app.MapAuthorities();
app.MapOrganisations();
app.MapQuestionnaires();
app.MapAssessments();
app.MapRazorPages();
app.AnnounceUrls();

app.Run();

/// <summary>Visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
