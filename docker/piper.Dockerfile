# Piper TTS HTTP server (piper-tts, POST /synthesize) with the voice baked in.
#   docker build -f docker/piper.Dockerfile --build-arg PIPER_VOICE=en_US-lessac-medium -t piper .
FROM docker.io/library/python:3.12-slim
ARG PIPER_VOICE=en_US-lessac-medium
RUN pip install --no-cache-dir "piper-tts[http]" \
 && useradd --create-home --uid 10001 piper
USER piper
WORKDIR /home/piper/voices
RUN python3 -m piper.download_voices "${PIPER_VOICE}"
ENV PIPER_VOICE=${PIPER_VOICE}
EXPOSE 5000/tcp
CMD ["sh", "-c", "exec python3 -m piper.http_server --host 0.0.0.0 --port 5000 --data-dir /home/piper/voices -m \"$PIPER_VOICE\""]
