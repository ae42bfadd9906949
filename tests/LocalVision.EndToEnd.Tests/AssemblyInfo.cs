[assembly: AssemblyFixture(typeof(LocalVision.Testing.Hosting.SeededServerFixture))]
[assembly: AssemblyFixture(typeof(LocalVision.EndToEnd.Tests.Dashboard.DashboardBrowser))]
