# Ollama for Cloud Run with the model baked in (no download at cold start).
#   docker build -f docker/ollama.Dockerfile --build-arg OLLAMA_MODEL=llama3.2 -t ollama .
FROM docker.io/ollama/ollama:latest
ARG OLLAMA_MODEL=llama3.2
ENV OLLAMA_HOST=0.0.0.0:11434 \
    OLLAMA_MODELS=/models \
    OLLAMA_KEEP_ALIVE=-1
# Start a server for the duration of this step only, to pull the model into /models.
RUN ollama serve & sleep 5 && ollama pull "${OLLAMA_MODEL}"
EXPOSE 11434/tcp
ENTRYPOINT ["ollama", "serve"]
