using Waypoint.Data;
using Waypoint.Features.Accounts;
using Waypoint.Features.Analytics;
using Waypoint.Features.Assessments;
using Waypoint.Features.Authorities;
using Waypoint.Features.Benchmarks;
using Waypoint.Features.Dashboard;
using Waypoint.Features.GoodPractices;
using Waypoint.Features.Health;
using Waypoint.Features.Home;
using Waypoint.Features.Organisations;
using Waypoint.Features.PeerQuestions;
using Waypoint.Features.Proofreading;
using Waypoint.Features.Questionnaires;
using Waypoint.Features.Recommendations;
using Waypoint.Features.Roadmaps;
using Waypoint.Features.Synthetic;
using Waypoint.Features.Toolbox;
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
builder.AddBenchmarks();
builder.AddDashboard();
builder.AddAnalytics();
builder.AddToolbox();
builder.AddRecommendations();
builder.AddRoadmaps();
builder.AddGoodPractices();
builder.AddPeerQuestions();
builder.AddProofreading();
builder.AddSynthetic();
builder.AddDemoAccounts(); // after the directory's seeders: the demo organisation needs a municipality

var app = builder.Build();
if (await app.RunCommandAsync(args)) return; // a one-off command such as synthetic-europe, instead of serving

app.UseWaypointPipeline();
app.MapHealth();
app.MapLanguageSwitch();
app.MapApiDocuments();
app.MapAccounts();
app.MapAuthorities();
app.MapOrganisations();
app.MapQuestionnaires();
app.MapAssessments();
app.MapBenchmarks();
app.MapDashboard();
app.MapAnalytics();
app.MapToolbox();
app.MapRecommendations();
app.MapRoadmaps();
app.MapGoodPractices();
app.MapPeerQuestions();
app.MapProofreading();
app.MapSynthetic();
app.MapRazorPages();
app.AnnounceUrls();

app.Run();

/// <summary>Visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
