# The functions image (Cloud Run). Build context: the repository root.
#   docker build -f docker/functions.Dockerfile -t functions .
# No native engines: the functions app is plain ASP.NET Core with Npgsql.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props .editorconfig ./
COPY contracts/Contracts.csproj contracts/
COPY functions/Functions.csproj functions/
RUN dotnet restore functions/Functions.csproj
COPY contracts/ contracts/
COPY functions/ functions/
RUN dotnet publish functions/Functions.csproj -c Release -o /app --no-restore -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# Cloud Run sends requests to the container port (8080) and also sets PORT=8080.
ENV ASPNETCORE_URLS=http://0.0.0.0:8080
EXPOSE 8080/tcp
USER app
ENTRYPOINT ["dotnet", "VoiceConnector.Functions.dll"]
