# The edge image. Build context: the repository root.
#   docker build -f docker/edge.Dockerfile -t edge .
# The runtime stage adds only the native engines the edge P/Invokes (the same Debian packages as scripts/setup.sh):
# flite (libflite.so.1, cmu_us_slt voice), PocketSphinx (libpocketsphinx.so.3, libsphinxbase.so.3, en-us model) and
# WebRTC audio processing (VAD). RUNTIME_IMAGE may be switched to another aspnet:10.0 tag if a distribution lacks them.
ARG RUNTIME_IMAGE=mcr.microsoft.com/dotnet/aspnet:10.0

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props .editorconfig ./
COPY contracts/Contracts.csproj contracts/
COPY edge/Edge.csproj edge/
RUN dotnet restore edge/Edge.csproj
COPY contracts/ contracts/
COPY edge/ edge/
RUN dotnet publish edge/Edge.csproj -c Release -o /app --no-restore -p:UseAppHost=false

FROM ${RUNTIME_IMAGE} AS runtime
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      flite libflite1 pocketsphinx-en-us libpocketsphinx3 libsphinxbase3 libwebrtc-audio-processing1 \
 && rm -rf /var/lib/apt/lists/* \
 && ldconfig -p | grep -q 'libflite.so.1 ' \
 && ldconfig -p | grep -q 'libpocketsphinx.so.3 ' \
 && ldconfig -p | grep -q 'libsphinxbase.so.3 '
WORKDIR /app
COPY --from=build /app ./
# SIP and HTTP listen on all interfaces inside the VM (host networking); the firewall decides who reaches them.
ENV ASPNETCORE_URLS=http://0.0.0.0:8080 \
    Sip__ListenAddress=0.0.0.0 \
    Rtp__BindAddress=0.0.0.0
EXPOSE 8080/tcp 5060/udp 5060/tcp 20000-29999/udp
# "app" is the unprivileged user the .NET images ship (UID 1654); every port used is above 1024.
USER app
ENTRYPOINT ["dotnet", "VoiceConnector.Edge.dll"]
